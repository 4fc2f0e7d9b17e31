/* pw-test-utils.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Helpers shared by the core test programs: files of the source tree,
 * temporary folders, and child processes that run the test binary itself in
 * a helper mode (`test-NAME --pw-helper MODE ARGS…`).  GLib only, so that
 * every test program can link them.
 */

#define PW_TEST_HELPER_FLAG "--pw-helper"

gboolean     pw_test_quick                      (void);
guint        pw_test_watchdog_seconds           (guint                seconds);

char        *pw_test_source_path                (const char          *first_element,
                                                 ...) G_GNUC_NULL_TERMINATED;
char        *pw_test_example_path               (void);
GBytes      *pw_test_read_bytes                 (const char          *path);
GBytes      *pw_test_read_source                (const char          *first_element,
                                                 ...) G_GNUC_NULL_TERMINATED;
void         pw_test_write_bytes                (const char          *path,
                                                 GBytes              *bytes);
void         pw_test_write_text                 (const char          *path,
                                                 const char          *text);
void         pw_test_assert_file_bytes          (const char          *path,
                                                 GBytes              *expected);

char        *pw_test_make_tmp_dir               (const char          *tmpl);
void         pw_test_remove_tree                (const char          *path);

gboolean     pw_test_is_helper                  (int                  argc,
                                                 char               **argv);
const char  *pw_test_get_self_exe               (void);
GStrv        pw_test_child_environment          (void);
GStrv        pw_test_environ_without_leak_check (GStrv                env);
GPid         pw_test_spawn_helper               (const char * const  *args,
                                                 int                 *out_fd);
int          pw_test_run_helper                 (const char * const  *args,
                                                 char               **envp,
                                                 char               **out);
int          pw_test_read_byte                  (int                  fd);
gboolean     pw_test_wait_for_byte              (int                  fd,
                                                 char                 wanted,
                                                 GString             *before);
GString     *pw_test_read_to_end                (int                  fd);
void         pw_test_kill_child                 (GPid                 pid);
int          pw_test_drop_privileges            (void);

/* The real binary ($PW_PHASEWISE_BIN), run as a user runs it */
typedef struct
{
  int   status;  /* its exit status */
  char *out;
  char *err;
} PwTestRun;

void         pw_test_run_clear                  (PwTestRun           *run);
void         pw_test_run_phasewise              (PwTestRun           *run,
                                                 GSpawnChildSetupFunc child_setup,
                                                 gpointer             user_data,
                                                 const char * const  *args);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PwTestRun, pw_test_run_clear)

G_END_DECLS
