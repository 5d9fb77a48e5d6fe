src_libscrivano_a_SOURCES += src/users/users.h src/users/registry.c \
	src/users/password.c src/users/cli.c src/users/keys.c
src_libscrivano_a_SOURCES += src/users/settings.c src/users/shares.c
