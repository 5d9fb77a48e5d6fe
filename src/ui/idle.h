/* The idle timeout, counted by the UI itself: the SSH session passes it in
 * the environment, the UI's input loop counts the time since the last key,
 * warns on the status line before the end, and ends the forms with
 * UI_EXIT_IDLE, which the session turns into a message and a log line. The
 * UI counts because only it can show the warning on the screen without
 * breaking it; the session keeps a later deadline of its own as a backstop. */
#ifndef SCRIVANO_UI_IDLE_H
#define SCRIVANO_UI_IDLE_H

#include <stdint.h>

#define UI_IDLE_ENV "SCRIVANO_IDLE_TIMEOUT"      /* seconds, 0 or unset = never */
#define UI_IDLE_WARNING_ENV "SCRIVANO_IDLE_WARNING" /* seconds before the end */
#define UI_EXIT_IDLE 4 /* the exit status of forms closed for idleness */
#define UI_EXIT_STOP 5 /* ... and of forms closed because the server stops */
/* On SIGTERM (the server is stopping) the forms warn on the status line and
 * close this long after it, never in the middle of a save: a save under way
 * finishes, and the user has the time to press Save. */
#define UI_STOP_GRACE_S 5

struct ui;

/* Reads the next key into *k (a keycode), counting idle time and the
 * stop's grace: 0 with a key, 1 when the screen should be painted again (a
 * warning appeared or its count went down, or the time is up and ui->quit
 * is set), -1 when the terminal is gone. */
int idle_read_key(struct ui *ui, uint32_t *k);
/* The forms were closed because no key came in time. */
int idle_expired(void);
/* The forms were closed because the server is stopping (SIGTERM). */
int idle_stopped(void);

#endif
