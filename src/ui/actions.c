/* The action table, built from the X-macro in actions.h. */
#include "config.h"

#include "ui/actions.h"

const struct action_info action_table[ACT_COUNT] = {
#define ACTION_INFO(id, name, label, help, group) { name, label, help, group },
	ACTIONS(ACTION_INFO)
#undef ACTION_INFO
};

const char *const action_names[ACT_COUNT] = {
#define ACTION_NAME(id, name, label, help, group) name,
	ACTIONS(ACTION_NAME)
#undef ACTION_NAME
};

const char *
action_group_title(enum action_group g)
{
	static const char *const titles[GROUP_COUNT] = {
		[GROUP_GENERAL] = N_("Commands"),
		[GROUP_MOVE] = N_("Moving"),
		[GROUP_EDIT] = N_("Editing a field"),
		[GROUP_LIST] = N_("In a list"),
		[GROUP_GRID] = N_("In a line grid"),
		[GROUP_RECORD] = N_("On a record, in its form or list"),
	};
	return g < GROUP_COUNT ? titles[g] : "";
}
