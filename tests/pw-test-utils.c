/* pw-test-utils.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-test-utils"

#include "config.h"

#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "pw-test-utils.h"

/* How long a child may take to say it is ready; only reached when it hangs. */
#define CHILD_READY_TIMEOUT_MS 60000

/**
 * pw_test_quick:
 *
 * Returns: %TRUE when PW_TEST_QUICK is set to something other than "" or
 * "0" (`meson test --setup=valgrind` and the sanitizer run of
 * tools/test.sh set it): stress loops then run their quick counts, as they
 * look for memory errors rather than for rare interleavings.
 */
gboolean
pw_test_quick (void)
{
  const char *value = g_getenv ("PW_TEST_QUICK");

  return value != NULL && *value != '\0' && !g_str_equal (value, "0");
}

/**
 * pw_test_watchdog_seconds:
 * @seconds: how long a wait may take in the normal build before the test
 *   gives up on it as hung
 *
 * Returns: @seconds, or ten times as many in the slow runs (valgrind and
 *   the sanitizers, where pw_test_quick() holds): a watchdog catches a
 *   hang, never a machine that is merely slow.
 */
guint
pw_test_watchdog_seconds (guint seconds)
{
  return pw_test_quick () ? seconds * 10 : seconds;
}

static char *
source_path_valist (const char *first_element,
                    va_list    *args)
{
  g_autofree char *relative = g_build_filename_valist (first_element, args);
  const char *root = g_getenv ("PW_SOURCE_ROOT");

  if (root != NULL)
    return g_build_filename (root, relative, NULL);

  return g_test_build_filename (G_TEST_DIST, "..", relative, NULL);
}

/**
 * pw_test_source_path:
 * @first_element: the first element of a path relative to the source tree
 * @...: more elements, then %NULL
 *
 * Returns: the path of a file of the source tree: under PW_SOURCE_ROOT,
 * which tests/meson.build sets, or else the parent of G_TEST_SRCDIR.
 */
char *
pw_test_source_path (const char *first_element,
                     ...)
{
  va_list args;
  char *path;

  va_start (args, first_element);
  path = source_path_valist (first_element, &args);
  va_end (args);

  return path;
}

/**
 * pw_test_example_path:
 *
 * Returns: the path of the bundled example workbook
 */
char *
pw_test_example_path (void)
{
  return pw_test_source_path ("data", "examples", "larkspur.phasewise", NULL);
}

/**
 * pw_test_read_bytes:
 * @path: a file that must be readable
 *
 * Returns: (transfer full): its contents
 */
GBytes *
pw_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/**
 * pw_test_read_source:
 * @first_element: the first element of a path relative to the source tree
 * @...: more elements, then %NULL
 *
 * Returns: (transfer full): the contents of a file of the source tree
 */
GBytes *
pw_test_read_source (const char *first_element,
                     ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, first_element);
  path = source_path_valist (first_element, &args);
  va_end (args);

  return pw_test_read_bytes (path);
}

/**
 * pw_test_write_bytes:
 * @path: where to write
 * @bytes: what to write
 *
 * Writes @bytes to @path, making its parent folders (mode 0700) first.
 */
void
pw_test_write_bytes (const char *path,
                     GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (path);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, data != NULL ? data : "", (gssize) length, &error);
  g_assert_no_error (error);
}

/**
 * pw_test_write_text:
 * @path: where to write
 * @text: a nul-terminated text
 *
 * As pw_test_write_bytes(), for a text.
 */
void
pw_test_write_text (const char *path,
                    const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  pw_test_write_bytes (path, bytes);
}

/**
 * pw_test_assert_file_bytes:
 * @path: a file
 * @expected: the bytes it must hold
 *
 * Asserts that @path holds exactly @expected; a difference is reported
 * with its position.
 */
void
pw_test_assert_file_bytes (const char *path,
                           GBytes     *expected)
{
  g_autoptr(GBytes) actual = pw_test_read_bytes (path);
  gsize actual_length = 0, expected_length = 0;
  const char *actual_data = g_bytes_get_data (actual, &actual_length);
  const char *expected_data = g_bytes_get_data (expected, &expected_length);

  g_assert_cmpmem (actual_data, actual_length, expected_data, expected_length);
}

/**
 * pw_test_make_tmp_dir:
 * @tmpl: a name template ending in XXXXXX, as for g_dir_make_tmp()
 *
 * Returns: a new private folder; remove it with pw_test_remove_tree()
 */
char *
pw_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);

  return path;
}

/**
 * pw_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and everything below it, also from folders a test made
 * read-only.  Symbolic links are removed, not followed.  Nothing happens
 * when @path does not exist.
 */
void
pw_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          pw_test_remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

/**
 * pw_test_is_helper:
 * @argc: main()'s argc
 * @argv: main()'s argv
 *
 * Returns: %TRUE when this process was started by pw_test_spawn_helper()
 * or pw_test_run_helper(): argv[1] is `--pw-helper` and argv[2] names the
 * mode.  Such a process must not call g_test_init().
 */
gboolean
pw_test_is_helper (int    argc,
                   char **argv)
{
  return argc >= 3 && g_str_equal (argv[1], PW_TEST_HELPER_FLAG);
}

/**
 * pw_test_get_self_exe:
 *
 * Returns: the path of the running test binary
 */
const char *
pw_test_get_self_exe (void)
{
  static char *self_exe;

  if (self_exe == NULL)
    {
      g_autoptr(GError) error = NULL;

      self_exe = g_file_read_link ("/proc/self/exe", &error);
      g_assert_no_error (error);
    }

  return self_exe;
}

/**
 * pw_test_child_environment:
 *
 * The environment for child processes: this one, with the test's private
 * XDG_DATA_HOME (G_TEST_OPTION_ISOLATE_DIRS), so that what children write
 * there (backups, drafts) never reaches the real home folder.  In an ASan
 * build run with fast_unwind_on_malloc=0 (so that LeakSanitizer can match
 * tests/lsan.supp through GLib, which has no frame pointers), children go
 * back to the fast unwinder: they never reach g_set_user_dirs(), and the
 * slow one makes kill loops several times longer.
 *
 * Returns: (transfer full): the environment
 */
GStrv
pw_test_child_environment (void)
{
  char **env = g_get_environ ();
  const char *asan_options = g_environ_getenv (env, "ASAN_OPTIONS");

  if (asan_options != NULL && strstr (asan_options, "fast_unwind_on_malloc=0") != NULL)
    {
      g_autofree char *options = g_strconcat (asan_options, ":fast_unwind_on_malloc=1", NULL);

      env = g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
    }

  return g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
}

/**
 * pw_test_environ_without_leak_check:
 * @env: (transfer full): an environment
 *
 * Turns LeakSanitizer off in @env, for a child that it cannot inspect: one
 * traced with ptrace, or one that gives up root's privileges (LeakSanitizer
 * then cannot always read its /proc entries, and aborts).  The leak check
 * of the same code paths happens in the other children and in the test.
 *
 * Returns: (transfer full): the environment
 */
GStrv
pw_test_environ_without_leak_check (GStrv env)
{
  const char *asan_options = g_environ_getenv (env, "ASAN_OPTIONS");
  g_autofree char *options = asan_options != NULL
    ? g_strconcat (asan_options, ":detect_leaks=0", NULL)
    : g_strdup ("detect_leaks=0");

  return g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
}

static GPtrArray *
helper_argv (const char * const *args)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) pw_test_get_self_exe ());
  g_ptr_array_add (argv, (char *) PW_TEST_HELPER_FLAG);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  return argv;
}

/**
 * pw_test_spawn_helper:
 * @args: the mode and its arguments, %NULL-terminated
 * @out_fd: (out): the reading end of the child's standard output
 *
 * Starts this test binary as `--pw-helper ARGS…` in the background, with
 * pw_test_child_environment().  Its standard error is the test's.  End it
 * with pw_test_kill_child() and close @out_fd.
 *
 * Returns: the child's process id
 */
GPid
pw_test_spawn_helper (const char * const *args,
                      int                *out_fd)
{
  g_autoptr(GPtrArray) argv = helper_argv (args);
  g_auto(GStrv) env = pw_test_child_environment ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv->pdata, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                            NULL, &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);

  return pid;
}

/**
 * pw_test_run_helper:
 * @args: the mode and its arguments, %NULL-terminated
 * @envp: (nullable): the child's environment, or %NULL for
 *   pw_test_child_environment()
 * @out: (out) (optional): the child's standard output
 *
 * Runs this test binary as `--pw-helper ARGS…` and waits for it.  Its
 * standard error, if any, becomes a test message.
 *
 * Returns: its exit status, or -1 when it did not exit normally
 */
int
pw_test_run_helper (const char * const  *args,
                    char               **envp,
                    char               **out)
{
  g_autoptr(GPtrArray) argv = helper_argv (args);
  g_auto(GStrv) env = envp != NULL ? g_strdupv (envp) : pw_test_child_environment ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("helper stderr: %s", err);

  if (!WIFEXITED (status))
    return -1;

  return WEXITSTATUS (status);
}

/**
 * pw_test_read_byte:
 * @fd: a child's standard output
 *
 * Reads one byte from @fd.
 *
 * Returns: the byte (0 to 255), or -1 on end of file, on an error, or when
 * nothing arrived for a minute
 */
int
pw_test_read_byte (int fd)
{
  for (;;)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      unsigned char c;
      ssize_t n;
      int ready;

      ready = poll (&pfd, 1, CHILD_READY_TIMEOUT_MS);
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        return -1;

      n = read (fd, &c, 1);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return -1;

      return c;
    }
}

/**
 * pw_test_wait_for_byte:
 * @fd: a child's standard output
 * @wanted: the byte to wait for
 * @before: (nullable): where to append the bytes read before @wanted
 *
 * Reads @fd until @wanted arrives.
 *
 * Returns: %FALSE on end of file, on an error, or when nothing arrived for
 * a minute
 */
gboolean
pw_test_wait_for_byte (int      fd,
                       char     wanted,
                       GString *before)
{
  for (;;)
    {
      int c = pw_test_read_byte (fd);

      if (c < 0)
        return FALSE;
      if ((char) c == wanted)
        return TRUE;
      if (before != NULL)
        g_string_append_c (before, (char) c);
    }
}

/**
 * pw_test_read_to_end:
 * @fd: a child's standard output, of a child that ended
 *
 * Returns: (transfer full): all the bytes left in @fd
 */
GString *
pw_test_read_to_end (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[256];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      g_string_append_len (text, buffer, n);
    }

  return text;
}

/**
 * pw_test_kill_child:
 * @pid: a child from pw_test_spawn_helper()
 *
 * Kills @pid with SIGKILL and reaps it.  A child that had already ended by
 * itself is a test failure: it was meant to be killed at work.
 */
void
pw_test_kill_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The child ended by itself (status %d) before it was killed", status);
  g_spawn_close_pid (pid);
}

/**
 * pw_test_drop_privileges:
 *
 * As root, becomes the user and group “nobody” (65534), for whom file
 * permissions count; as anyone else, does nothing.  For child processes:
 * there is no way back.
 *
 * Returns: 0, or -1 when root could not switch
 */
int
pw_test_drop_privileges (void)
{
  if (geteuid () != 0)
    return 0;

  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    return -1;

  /* so that the process can still read its own /proc entries (the
   * sanitizers do); LeakSanitizer is off in such a child all the same, see
   * pw_test_environ_without_leak_check() */
  prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);

  return 0;
}

void
pw_test_run_clear (PwTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * pw_test_run_phasewise:
 * @run: (out caller-allocates): its exit status and output
 * @child_setup: (nullable): run in the child before exec, as for
 *   g_spawn_sync()
 * @args: the arguments, %NULL-terminated
 *
 * Runs the real binary ($PW_PHASEWISE_BIN) with @args and waits for it,
 * without a display or a session bus, with pw_test_child_environment() (no
 * leak check when @child_setup is given: it may leave the child no room to
 * write the report).  It must exit normally.
 */
void
pw_test_run_phasewise (PwTestRun            *run,
                       GSpawnChildSetupFunc  child_setup,
                       gpointer              user_data,
                       const char * const   *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = pw_test_child_environment ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PW_PHASEWISE_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  if (child_setup != NULL)
    envp = pw_test_environ_without_leak_check (envp);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, child_setup, user_data,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}
