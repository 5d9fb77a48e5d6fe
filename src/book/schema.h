/* The list of schema migrations, numbered from 1. */
#ifndef SCRIVANO_SCHEMA_H
#define SCRIVANO_SCHEMA_H

int schema_step_count(void);
const char *schema_step(int n);

#endif
