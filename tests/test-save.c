/* test-save.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Save reliability: what a user relies on when Phasewise writes a workbook
 * (RELIABILITY.md: fact 1, cases 1–9).
 *
 *   /phasewise/save/round-trip            load, edit, save as, reload: equal
 *   /phasewise/save/failed/read-only-dir  a failed save leaves the previous
 *   /phasewise/save/failed/target-is-dir    file byte-identical, no temporary
 *   /phasewise/save/failed/fsize-limit      file behind, and an error that
 *   /phasewise/save/failed/no-parent        names the file
 *   /phasewise/save/failed/cancelled
 *   /phasewise/save/kill-9                SIGKILL at random moments during saves
 *   /phasewise/save/external-change/...   PW_ERROR_MODIFIED, touch, own saves
 *   /phasewise/save/mode/...              file mode kept, new-file mode
 *   /phasewise/save/symlink               a link stays a link, its target changes
 *   /phasewise/save/backup/...            previous version kept in the data dir
 *   /phasewise/save/async/...             generation check, overlapping saves
 *   /phasewise/save/durability            fsync(temp) → rename → fsync(dir), via strace
 *
 * Cases that show a bug of the core fail with g_test_fail_printf(), naming
 * the function, and the others still run (main() adds --keep-going).
 *
 * Environment:
 *   PW_TEST_QUICK=1  fewer iterations, for valgrind and slow machines: 50
 *                    instead of 500 kills, 4 instead of 16 file-size
 *                    limits, 20 instead of 200 overlapping saves.
 *                    `meson test --setup=valgrind` sets it.
 *   `-m slow`        (g_test_slow()) raises the kill loop to 2,000.
 *
 * GLib 2.74 leaks the previous user directories at every test case under
 * G_TEST_OPTION_ISOLATE_DIRS (g_set_user_dirs()): give valgrind glib.supp
 * or tests/valgrind.supp, and LeakSanitizer tests/lsan.supp together with
 * ASAN_OPTIONS=fast_unwind_on_malloc=0 (GLib has no frame pointers, so the
 * fast unwinder never sees g_set_user_dirs in the stack).
 *
 * The durability case needs `strace` (it is skipped, saying so, without it).
 *
 * Child processes: some cases run this same binary as
 * `test-save --pw-helper MODE ARGS…` (see helper_main()): a save under a
 * file-size limit or as an unprivileged user, an endless save loop to be
 * killed, a single save to be traced.  They get the test's private
 * XDG_DATA_HOME, so their backups never reach the real home folder.
 */

#define G_LOG_DOMAIN "test-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "phasewise-core.h"

#define DOC_NAME  "doc.phasewise"
#define NAME_A    "Larkspur Outdoor Equipment (A)"
#define NAME_B    "Larkspur Outdoor Equipment — version B, with a longer name"
#define NOBODY_ID 65534

/* Exit codes of the helper */
#define HELPER_SAVED        0
#define HELPER_SAVE_FAILED  1
#define HELPER_SETUP_FAILED 2
#define HELPER_SKIP         77

static char *self_exe;
static gboolean quick;

/* ------------------------------------------------------------------------
 * Helpers
 */

typedef struct
{
  char  *dir;       /* a fresh private folder */
  char  *doc;       /* dir/doc.phasewise, not created */
  GFile *doc_file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("pw-save-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->doc = g_build_filename (fixture->dir, DOC_NAME, NULL);
  fixture->doc_file = g_file_new_for_path (fixture->doc);
}

static void
remove_tree (const char *path)
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

          remove_tree (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_clear_object (&fixture->doc_file);
  g_clear_pointer (&fixture->doc, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static char *
get_example_path (void)
{
  const char *root = g_getenv ("PW_SOURCE_ROOT");

  if (root == NULL)
    return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "larkspur.phasewise",
                                  NULL);

  return g_build_filename (root, "data", "examples", "larkspur.phasewise", NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static GBytes *
read_example (void)
{
  g_autofree char *path = get_example_path ();

  return read_bytes (path);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data, (gssize) length, &error);
  g_assert_no_error (error);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_bytes (path);
  gsize actual_length = 0, expected_length = 0;
  const char *actual_data = g_bytes_get_data (actual, &actual_length);
  const char *expected_data = g_bytes_get_data (expected, &expected_length);

  g_assert_cmpmem (actual_data, actual_length, expected_data, expected_length);
}

static PwWorkbook *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PwWorkbook *workbook;

  workbook = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);
  g_assert_false (pw_workbook_get_modified (workbook));

  return workbook;
}

/* Sets the organization's name and returns the bytes a save would write. */
static GBytes *
serialize_with_name (PwWorkbook *workbook,
                     const char *name)
{
  pw_workbook_set_name (workbook, name);

  return pw_workbook_serialize (workbook);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: the names in @path, sorted */
static GStrv
list_dir (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Asserts that @path holds exactly the names given (sorted), so that no
 * temporary file was left behind. */
static void
assert_dir_holds (const char *path,
                  ...)
{
  g_auto(GStrv) names = list_dir (path);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_autofree char *names_text = NULL;
  g_autofree char *expected_text = NULL;
  const char *name;
  va_list args;

  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (builder, name);
  va_end (args);
  expected = g_strv_builder_end (builder);

  names_text = g_strjoinv (", ", names);
  expected_text = g_strjoinv (", ", expected);
  g_assert_cmpstr (names_text, ==, expected_text);
}

/* Temporary files of interrupted saves in @path: names that start with
 * @document's name and a dot. */
static guint
count_temp_files (const char *path,
                  const char *document)
{
  g_auto(GStrv) names = list_dir (path);
  g_autofree char *prefix = g_strconcat (document, ".", NULL);
  guint count = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], document))
        continue;
      g_assert_true (g_str_has_prefix (names[i], prefix));
      count++;
    }

  return count;
}

static char *
get_backups_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "backups", NULL);
}

/* Asserts that the backups folder, if any, holds finished backups only. */
static void
assert_no_temp_backups (void)
{
  g_autofree char *path = get_backups_dir ();
  g_auto(GStrv) names = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return;

  names = list_dir (path);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (names[i], ".phasewise"));
}

static void
assert_error_names_file (const GError *error,
                         const char   *path)
{
  g_autofree char *base = g_path_get_basename (path);

  g_assert_nonnull (error);
  if (strstr (error->message, base) == NULL)
    g_error ("Error message does not name “%s”: %s", base, error->message);
}

/* An environment for child processes: the test's private data folder.  In
 * an ASan build run with fast_unwind_on_malloc=0 (for tests/lsan.supp),
 * children go back to the fast unwinder: they never reach g_set_user_dirs(),
 * and the slow one makes the kill loop four times longer. */
static GStrv
child_environment (void)
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

/* Runs this binary in helper mode; returns its exit status, or -1 when it
 * did not exit normally. */
static int
run_helper (const char * const  *args,
            char               **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, self_exe);
  g_ptr_array_add (argv, (char *) "--pw-helper");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                out, &err, &status, &error);
  g_assert_no_error (error);
  if (err != NULL && *err != '\0')
    g_test_message ("helper stderr: %s", err);

  if (!WIFEXITED (status))
    return -1;

  return WEXITSTATUS (status);
}

/* File times to the nanosecond, as GLib's etags see them */
static struct timespec
get_mtime (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mtim;
}

static void
set_mtime (const char      *path,
           struct timespec  mtime)
{
  struct timespec times[2] = { { .tv_nsec = UTIME_OMIT }, mtime };

  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static struct timespec
add_seconds (struct timespec time,
             int             seconds)
{
  time.tv_sec += seconds;

  return time;
}

/* ------------------------------------------------------------------------
 * 1. Round trip
 */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *example = get_example_path ();
  g_autoptr(GBytes) example_bytes = read_bytes (example);
  g_autoptr(PwWorkbook) workbook = load_path (example);
  g_autoptr(PwWorkbook) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  PwFramework *framework = pw_workbook_get_framework (workbook);
  const PwDimension *dimension;
  const PwQuestion *question;
  PwAssessment *assessment;

  /* An untouched workbook is written back as it was read. */
  first = pw_workbook_serialize (workbook);
  g_assert_true (g_bytes_equal (first, example_bytes));
  g_clear_pointer (&first, g_bytes_unref);

  pw_workbook_set_name (workbook, "Larkspur Renamed — Ünïcode ✓");
  g_assert_true (pw_workbook_get_modified (workbook));

  /* and an answer in a new assessment */
  g_assert_cmpuint (pw_framework_get_n_dimensions (framework), >, 0);
  dimension = pw_framework_get_dimension (framework, 0);
  g_assert_cmpuint (dimension->questions->len, >, 0);
  question = g_ptr_array_index (dimension->questions, 0);
  assessment = pw_workbook_start_assessment (workbook, NULL);
  pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), 3);

  first = pw_workbook_serialize (workbook);
  second = pw_workbook_serialize (workbook);
  g_assert_true (g_bytes_equal (first, second));

  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));
  g_assert_true (g_file_equal (pw_workbook_get_file (workbook), fixture->doc_file));
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));
  assert_file_bytes (fixture->doc, first);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);

  /* Saving elsewhere never touches the file it came from. */
  assert_file_bytes (example, example_bytes);

  reloaded = load_path (fixture->doc);
  g_assert_cmpstr (pw_workbook_get_name (reloaded), ==, "Larkspur Renamed — Ünïcode ✓");
  g_assert_cmpstr (pw_workbook_get_industry (reloaded), ==,
                   pw_workbook_get_industry (workbook));
  g_assert_cmpuint (g_list_model_get_n_items (pw_workbook_get_assessments (reloaded)), ==,
                    g_list_model_get_n_items (pw_workbook_get_assessments (workbook)));
  assessment = pw_workbook_find_assessment (reloaded, pw_assessment_get_id (assessment));
  g_assert_nonnull (assessment);
  g_assert_cmpint (pw_answer_get_phase (pw_assessment_lookup_answer (assessment, question->id)),
                   ==, 3);
  again = pw_workbook_serialize (reloaded);
  g_assert_true (g_bytes_equal (again, first));
}

/* ------------------------------------------------------------------------
 * 2. A failed save changes nothing
 */

static void
prepare_failing_save (Fixture     *fixture,
                      GBytes     **original,
                      PwWorkbook **workbook)
{
  *original = read_example ();
  write_bytes (fixture->doc, *original);
  *workbook = load_path (fixture->doc);
  pw_workbook_set_name (*workbook, NAME_B);
}

static void
test_failed_read_only_dir (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  prepare_failing_save (fixture, &original, &workbook);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  if (geteuid () == 0)
    {
      /* Root ignores permissions: save as “nobody” in a child instead. */
      const char * const args[] = { "save", fixture->doc, fixture->doc, NAME_B, "-", "nobody",
                                    NULL };
      g_autofree char *out = NULL;
      int status = run_helper (args, &out);

      if (status == HELPER_SKIP)
        {
          g_chmod (fixture->dir, 0700);
          g_test_skip ("Running as root, and cannot switch to user “nobody” "
                       "(permissions are not enforced for root)");
          return;
        }
      g_assert_cmpint (status, ==, HELPER_SAVE_FAILED);
      g_assert_nonnull (strstr (g_strchomp (out), fixture->doc));
      g_test_message ("As nobody: %s", out);
    }
  else
    {
      g_assert_false (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL,
                                        &error));
      assert_error_names_file (error, fixture->doc);
      g_test_message ("%s", error->message);
      g_assert_true (pw_workbook_get_modified (workbook));
    }

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  assert_file_bytes (fixture->doc, original);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
}

static void
test_failed_target_is_dir (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *example = get_example_path ();
  g_autofree char *inside = g_build_filename (fixture->doc, "keep.txt", NULL);
  g_autoptr(GBytes) keep = g_bytes_new_static ("keep me", 7);
  g_autoptr(PwWorkbook) workbook = load_path (example);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->doc, 0700), ==, 0);
  write_bytes (inside, keep);
  pw_workbook_set_name (workbook, NAME_B);

  g_assert_false (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_error_names_file (error, fixture->doc);
  g_assert_true (pw_workbook_get_modified (workbook));

  g_assert_true (g_file_test (fixture->doc, G_FILE_TEST_IS_DIR));
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  assert_dir_holds (fixture->doc, "keep.txt", NULL);
  assert_file_bytes (inside, keep);
}

/* RELIABILITY cases 1 and 2: a write that fails midway (RLIMIT_FSIZE, in
 * a child) for limits from 0 up to the new file's size. */
static void
test_failed_fsize_limit (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) wanted = NULL;
  guint steps = quick ? 4 : 16;
  gsize size;

  prepare_failing_save (fixture, &original, &workbook);
  wanted = pw_workbook_serialize (workbook);
  size = g_bytes_get_size (wanted);

  for (guint k = 0; k <= steps; k++)
    {
      guint64 limit = k < steps ? (guint64) size * k / steps : size - 1;
      g_autofree char *limit_text = g_strdup_printf ("%" G_GUINT64_FORMAT, limit);
      const char * const args[] = { "save", fixture->doc, fixture->doc, NAME_B, limit_text, "-",
                                    NULL };
      g_autofree char *out = NULL;
      int status;

      status = run_helper (args, &out);
      g_strchomp (out);
      g_test_message ("limit %s of %" G_GSIZE_FORMAT ": %s", limit_text, size, out);
      g_assert_cmpint (status, ==, HELPER_SAVE_FAILED);
      g_assert_nonnull (strstr (out, fixture->doc));
      assert_file_bytes (fixture->doc, original);
      assert_dir_holds (fixture->dir, DOC_NAME, NULL);
      assert_no_temp_backups ();
    }

  /* Exactly enough room: the save goes through. */
  {
    g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
    const char * const args[] = { "save", fixture->doc, fixture->doc, NAME_B, limit_text, "-",
                                  NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (run_helper (args, &out), ==, HELPER_SAVED);
    assert_file_bytes (fixture->doc, wanted);
    assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  }
}

static void
test_failed_no_parent (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *example = get_example_path ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", DOC_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwWorkbook) workbook = load_path (example);
  g_autoptr(GError) error = NULL;

  pw_workbook_set_name (workbook, NAME_B);
  g_assert_false (pw_workbook_save (workbook, file, PW_SAVE_NONE, NULL, &error));
  assert_error_names_file (error, path);
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                 || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
  g_assert_true (pw_workbook_get_modified (workbook));
  assert_dir_holds (fixture->dir, NULL);
}

static void
test_failed_cancelled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  prepare_failing_save (fixture, &original, &workbook);
  g_cancellable_cancel (cancellable);
  g_assert_false (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, original);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
}

/* ------------------------------------------------------------------------
 * 3. kill -9 during save
 */

/* Reads from @fd until @wanted arrives; FALSE on end of file or timeout. */
static gboolean
wait_for_byte (int  fd,
               char wanted)
{
  for (;;)
    {
      struct pollfd pfd = { .fd = fd, .events = POLLIN };
      char c;
      ssize_t n;

      if (poll (&pfd, 1, 30000) <= 0)
        return FALSE;
      n = read (fd, &c, 1);
      if (n == 1 && c == wanted)
        return TRUE;
      if (n == 0 || (n < 0 && errno != EINTR))
        return FALSE;
    }
}

static guint
count_bytes_until_eof (int  fd,
                       char wanted)
{
  guint count = 0;
  char buffer[256];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, EINTR);
          continue;
        }
      for (ssize_t i = 0; i < n; i++)
        count += buffer[i] == wanted;
    }

  return count;
}

static GPid
spawn_save_loop (const char  *path,
                 int         *out_fd)
{
  const char *argv[] = { self_exe, "--pw-helper", "loop", path, NAME_A, NAME_B, NULL };
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);

  /* The child is ready when it has loaded the file: kill it while it
   * saves, not while it starts. */
  g_assert_true (wait_for_byte (*out_fd, 'R'));

  return pid;
}

static void
kill_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
    g_error ("The saving child ended by itself (status %d)", status);
  g_spawn_close_pid (pid);
}

/* Microseconds one save takes in a child, measured over a few saves */
static gint64
measure_save_time (const char *path)
{
  int out_fd = -1;
  GPid pid = spawn_save_loop (path, &out_fd);
  gint64 start;
  gint64 elapsed;

  g_assert_true (wait_for_byte (out_fd, 'S'));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 4; i++)
    g_assert_true (wait_for_byte (out_fd, 'S'));
  elapsed = (g_get_monotonic_time () - start) / 4;
  kill_child (pid);
  close (out_fd);

  return elapsed;
}

/* RELIABILITY case 3.  Half of the kills come 0–15 ms after the child is
 * ready (serializing, writing the backup and the temporary file, fsync,
 * rename); the other half anywhere in the first two saves, however long a
 * save takes on this machine (the fsyncs make it 20–40 ms on a VM disk). */
static void
test_kill_during_save (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *example = get_example_path ();
  g_autoptr(PwWorkbook) workbook = load_path (example);
  g_autoptr(GBytes) version_a = serialize_with_name (workbook, NAME_A);
  g_autoptr(GBytes) version_b = serialize_with_name (workbook, NAME_B);
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5a7e);
  g_autofree char *backups = get_backups_dir ();
  guint iterations = quick ? 50 : g_test_slow () ? 2000 : 500;
  guint seen_a = 0, seen_b = 0, changed = 0, saves = 0;
  guint temp_files = 0, temp_backups = 0;
  gint64 save_time, long_range, start;

  write_bytes (fixture->doc, version_a);
  save_time = measure_save_time (fixture->doc);
  long_range = CLAMP (2 * save_time, 15000, 500000);
  g_test_message ("One save takes %.1f ms here; kills come 0–15 ms or 0–%.1f ms after the "
                  "child is ready", save_time / 1e3, long_range / 1e3);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = read_bytes (fixture->doc);
      g_autoptr(GBytes) on_disk = NULL;
      g_autoptr(PwWorkbook) loaded = NULL;
      g_autoptr(GFile) file = NULL;
      int out_fd = -1;
      GPid pid;

      pid = spawn_save_loop (fixture->doc, &out_fd);
      g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) (i % 2 ? long_range : 15000) + 1));
      kill_child (pid);
      saves += count_bytes_until_eof (out_fd, 'S');
      close (out_fd);

      /* The file is one version or the other, complete. */
      on_disk = read_bytes (fixture->doc);
      if (g_bytes_equal (on_disk, version_a))
        seen_a++;
      else if (g_bytes_equal (on_disk, version_b))
        seen_b++;
      else
        g_error ("After kill %u the file is neither version (%" G_GSIZE_FORMAT " bytes)",
                 i, g_bytes_get_size (on_disk));
      changed += !g_bytes_equal (on_disk, before);

      file = g_file_new_for_path (fixture->doc);
      loaded = pw_workbook_load (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (pw_workbook_get_name (loaded), ==,
                       g_bytes_equal (on_disk, version_a) ? NAME_A : NAME_B);
    }

  /* Temporary files from killed saves are ignored: loading worked above
   * with them present. */
  temp_files = count_temp_files (fixture->dir, DOC_NAME);
  if (g_file_test (backups, G_FILE_TEST_IS_DIR))
    {
      g_auto(GStrv) names = list_dir (backups);

      for (guint i = 0; names[i] != NULL; i++)
        temp_backups += !g_str_has_suffix (names[i], ".phasewise");
    }

  g_test_message ("%u kills in %.1f s: the file was version A %u times, B %u times, changed by "
                  "the killed child %u times; %u saves completed in all; %u temporary files "
                  "left beside the document, %u in the backups folder",
                  iterations, (g_get_monotonic_time () - start) / 1e6, seen_a, seen_b, changed,
                  saves, temp_files, temp_backups);

  /* The kills landed at different points of the save loop. */
  g_assert_cmpuint (seen_a, >, 0);
  g_assert_cmpuint (seen_b, >, 0);
  g_assert_cmpuint (changed, <, iterations);
}

/* ------------------------------------------------------------------------
 * 4. External modification
 */

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwWorkbook) other = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  struct timespec mtime;

  write_bytes (fixture->doc, original);
  mtime = get_mtime (fixture->doc);
  workbook = load_path (fixture->doc);
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));

  /* Someone else writes a different version, with a later mtime. */
  other = load_path (fixture->doc);
  theirs = serialize_with_name (other, "Their organization");
  write_bytes (fixture->doc, theirs);
  set_mtime (fixture->doc, add_seconds (mtime, 10));
  g_assert_true (pw_workbook_changed_on_disk (workbook, NULL));

  pw_workbook_set_name (workbook, "Our organization");
  g_assert_false (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  assert_error_names_file (error, fixture->doc);
  g_clear_error (&error);
  g_assert_true (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, theirs);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  g_assert_true (pw_workbook_changed_on_disk (workbook, NULL));

  /* The user chose “overwrite”. */
  ours = pw_workbook_serialize (workbook);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_OVERWRITE, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, ours);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);

  /* Its own saves are not changes by someone else. */
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));
  g_clear_pointer (&ours, g_bytes_unref);
  ours = serialize_with_name (workbook, "Our organization, again");
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));

  /* Touched (new mtime, same bytes) is not a change, and saving goes on. */
  set_mtime (fixture->doc, add_seconds (get_mtime (fixture->doc), 20));
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));
  g_clear_pointer (&ours, g_bytes_unref);
  ours = serialize_with_name (workbook, "Our organization, after the touch");
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->doc, ours);
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));
}

/* Another writer that keeps the mtime (rsync -t, cp -p, tar, a sync
 * client, or two writes within one tick of a coarse clock or of a FAT
 * file system's 2 s): the change must still be noticed. */
static void
test_external_change_same_mtime (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwWorkbook) other = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  struct timespec mtime;
  gboolean noticed, saved;

  write_bytes (fixture->doc, original);
  mtime = get_mtime (fixture->doc);
  workbook = load_path (fixture->doc);

  other = load_path (fixture->doc);
  theirs = serialize_with_name (other, "Their organization");
  write_bytes (fixture->doc, theirs);
  set_mtime (fixture->doc, mtime);

  noticed = pw_workbook_changed_on_disk (workbook, NULL);
  pw_workbook_set_name (workbook, "Our organization");
  saved = pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error);
  if (!noticed || saved)
    {
      g_test_fail_printf ("Another writer's version with the same mtime: changed_on_disk %s, "
                          "save %s (pw-workbook-io.c: changed_on_disk() trusts an equal etag)",
                          noticed ? "TRUE" : "FALSE",
                          saved ? "overwrote it silently" : "refused");
      return;
    }
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  assert_file_bytes (fixture->doc, theirs);
}

/* ------------------------------------------------------------------------
 * 5. Mode and symbolic links
 */

static void
check_mode_kept (Fixture *fixture,
                 mode_t   mode)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_bytes (fixture->doc, original);
  g_assert_cmpint (g_chmod (fixture->doc, mode), ==, 0);
  workbook = load_path (fixture->doc);
  pw_workbook_set_name (workbook, NAME_B);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);

  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  g_assert_cmpint (g_stat (fixture->doc, &st), ==, 0);
  if ((st.st_mode & 07777) != mode)
    g_test_fail_printf ("A document with mode %04o has mode %04o after saving (umask %04o)",
                        (guint) mode, (guint) (st.st_mode & 07777), 022u);
}

static void
test_mode_private (Fixture       *fixture,
                   gconstpointer  user_data)
{
  check_mode_kept (fixture, 0600);
}

/* A document shared with a group (umask 022 is the test's) */
static void
test_mode_group_writable (Fixture       *fixture,
                          gconstpointer  user_data)
{
  check_mode_kept (fixture, 0664);
}

static void
test_mode_new_file (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *example = get_example_path ();
  g_autoptr(PwWorkbook) workbook = load_path (example);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->doc, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);  /* 0666 & ~umask */
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autofree char *real_dir = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *target = g_build_filename (real_dir, "target.phasewise", NULL);
  g_autofree char *link_value = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  write_bytes (target, original);
  g_assert_cmpint (symlink ("real/target.phasewise", fixture->doc), ==, 0);

  workbook = load_path (fixture->doc);
  ours = serialize_with_name (workbook, NAME_B);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));

  g_assert_cmpint (g_lstat (fixture->doc, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_value = g_file_read_link (fixture->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_value, ==, "real/target.phasewise");
  assert_file_bytes (target, ours);
  assert_dir_holds (fixture->dir, DOC_NAME, "real", NULL);
  assert_dir_holds (real_dir, "target.phasewise", NULL);
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));

  /* and a second save through the link works the same */
  g_clear_pointer (&ours, g_bytes_unref);
  ours = serialize_with_name (workbook, NAME_A);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (fixture->doc, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  assert_file_bytes (target, ours);
  assert_dir_holds (real_dir, "target.phasewise", NULL);
}

/* ------------------------------------------------------------------------
 * 6. Backup
 */

static void
test_backup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(GFile) backup = pw_workbook_get_backup_file (fixture->doc_file);
  g_autofree char *backup_path = g_file_get_path (backup);
  g_autofree char *backups = get_backups_dir ();
  g_autofree char *backup_dir = g_path_get_dirname (backup_path);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpstr (backup_dir, ==, backups);

  write_bytes (fixture->doc, original);
  workbook = load_path (fixture->doc);
  first = serialize_with_name (workbook, NAME_A);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->doc, first);
  assert_file_bytes (backup_path, original);
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);  /* private, whatever the document's mode */
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);

  /* The backup is the version before the latest save. */
  second = serialize_with_name (workbook, NAME_B);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (fixture->doc, second);
  assert_file_bytes (backup_path, first);
  assert_no_temp_backups ();
}

static void
test_backup_none (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.phasewise", NULL);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(GFile) backup = pw_workbook_get_backup_file (fixture->doc_file);
  g_autoptr(GFile) fresh_backup = pw_workbook_get_backup_file (fresh);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_equal (backup, fresh_backup));

  /* PW_SAVE_NO_BACKUP over an existing file */
  write_bytes (fixture->doc, original);
  workbook = load_path (fixture->doc);
  pw_workbook_set_name (workbook, NAME_A);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NO_BACKUP, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (backup, NULL));

  /* The first save of a new file has nothing to back up. */
  pw_workbook_set_name (workbook, NAME_B);
  g_assert_true (pw_workbook_save (workbook, fresh, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (fresh_backup, NULL));
}

static void
test_backup_blocked (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(GBytes) blocker = g_bytes_new_static ("not a folder", 12);
  g_autoptr(GFile) backup = pw_workbook_get_backup_file (fixture->doc_file);
  g_autofree char *app_dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *backups = get_backups_dir ();
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (app_dir, 0700), ==, 0);
  write_bytes (backups, blocker);

  write_bytes (fixture->doc, original);
  workbook = load_path (fixture->doc);
  ours = serialize_with_name (workbook, NAME_B);
  g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, ours);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  assert_file_bytes (backups, blocker);
  assert_dir_holds (app_dir, "backups", NULL);
  g_assert_false (g_file_query_exists (backup, NULL));
}

/* ------------------------------------------------------------------------
 * 7. Async save
 */

typedef struct
{
  GMainLoop *loop;
  guint     *pending;
  gboolean   done;
  gboolean   result;
  GError    *error;
} SaveCall;

static void
save_call_clear (SaveCall *call)
{
  g_clear_error (&call->error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveCall *call = user_data;

  call->result = pw_workbook_save_finish (PW_WORKBOOK (source), result, &call->error);
  call->done = TRUE;
  if (--*call->pending == 0)
    g_main_loop_quit (call->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("An asynchronous save did not finish within 60 s");
  return G_SOURCE_REMOVE;
}

static void
run_loop (GMainLoop *loop)
{
  guint id = g_timeout_add_seconds (60, timeout_cb, NULL);

  g_main_loop_run (loop);
  g_source_remove (id);
}

static void
test_async_generation (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) later = NULL;
  g_autofree char *folder_path = g_build_filename (fixture->dir, "folder.phasewise", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  guint pending = 0;
  SaveCall call = { loop, &pending, FALSE, FALSE, NULL };

  write_bytes (fixture->doc, original);
  workbook = load_path (fixture->doc);

  /* An edit made while the save runs still needs saving. */
  saved = serialize_with_name (workbook, NAME_A);
  pending = 1;
  pw_workbook_save_async (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb, &call);
  pw_workbook_set_name (workbook, NAME_B);
  run_loop (loop);
  g_assert_true (call.done);
  g_assert_no_error (call.error);
  g_assert_true (call.result);
  g_assert_true (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, saved);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));

  /* Without an edit meanwhile, the workbook is saved. */
  later = pw_workbook_serialize (workbook);
  call = (SaveCall) { loop, &pending, FALSE, FALSE, NULL };
  pending = 1;
  pw_workbook_save_async (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb, &call);
  run_loop (loop);
  g_assert_no_error (call.error);
  g_assert_true (call.result);
  g_assert_false (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, later);
  g_assert_false (pw_workbook_changed_on_disk (workbook, NULL));

  /* A failing asynchronous save names the file and leaves it modified. */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  pw_workbook_set_name (workbook, NAME_A);
  call = (SaveCall) { loop, &pending, FALSE, FALSE, NULL };
  pending = 1;
  pw_workbook_save_async (workbook, folder, PW_SAVE_NONE, NULL, save_done_cb, &call);
  run_loop (loop);
  g_assert_false (call.result);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_error_names_file (call.error, folder_path);
  save_call_clear (&call);
  g_assert_true (pw_workbook_get_modified (workbook));
  assert_file_bytes (fixture->doc, later);
  assert_dir_holds (fixture->dir, DOC_NAME, "folder.phasewise", NULL);
}

/* RELIABILITY case 9: two saves of the same workbook that overlap (an
 * autosave and a manual save) give one complete file, never report our own
 * save as someone else's change, and never mark the workbook saved while
 * the file holds an older version. */
static void
test_async_concurrent (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PwWorkbook) workbook = NULL;
  guint iterations = quick ? 20 : 200;
  guint both_saved = 0, second_refused = 0, wrong = 0;
  g_autofree char *problem = NULL;

  write_bytes (fixture->doc, original);
  workbook = load_path (fixture->doc);

  for (guint i = 0; i < iterations; i++)
    {
      g_autofree char *name_1 = g_strdup_printf ("Concurrent %u, first", i);
      g_autofree char *name_2 = g_strdup_printf ("Concurrent %u, second", i);
      g_autoptr(GBytes) version_1 = serialize_with_name (workbook, name_1);
      g_autoptr(GBytes) version_2 = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      g_autoptr(GBytes) current = NULL;
      g_autoptr(GError) error = NULL;
      guint pending = 2;
      SaveCall calls[2] = {
        { loop, &pending, FALSE, FALSE, NULL },
        { loop, &pending, FALSE, FALSE, NULL },
      };

      pw_workbook_save_async (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb,
                              &calls[0]);
      version_2 = serialize_with_name (workbook, name_2);
      pw_workbook_save_async (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb,
                              &calls[1]);
      run_loop (loop);

      for (guint c = 0; c < 2; c++)
        {
          if (calls[c].error != NULL
              && g_error_matches (calls[c].error, PW_ERROR, PW_ERROR_MODIFIED))
            {
              wrong++;
              if (problem == NULL)
                problem = g_strdup_printf ("iteration %u: save %u reported its own twin as an "
                                           "external change: %s", i, c + 1,
                                           calls[c].error->message);
            }
        }
      both_saved += calls[0].result && calls[1].result;
      second_refused += !calls[1].result;

      on_disk = read_bytes (fixture->doc);
      g_assert_true (g_bytes_equal (on_disk, version_1) || g_bytes_equal (on_disk, version_2));
      if (!pw_workbook_get_modified (workbook))
        {
          if (!g_bytes_equal (on_disk, version_2))
            {
              wrong++;
              if (problem == NULL)
                problem = g_strdup_printf ("iteration %u: the workbook says “saved” but the file "
                                           "holds the older version (first save: %s, second "
                                           "save: %s)", i,
                                           calls[0].result ? "succeeded" : calls[0].error->message,
                                           calls[1].result ? "succeeded" : calls[1].error->message);
            }
        }

      /* Whatever happened, the next save works and is complete. */
      if (!pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_NONE, NULL, &error))
        {
          wrong++;
          if (problem == NULL)
            problem = g_strdup_printf ("iteration %u: the save after the pair failed: %s",
                                       i, error->message);
          g_clear_error (&error);
          g_assert_true (pw_workbook_save (workbook, fixture->doc_file, PW_SAVE_OVERWRITE, NULL,
                                           &error));
          g_assert_no_error (error);
        }
      current = pw_workbook_serialize (workbook);
      assert_file_bytes (fixture->doc, current);
      assert_dir_holds (fixture->dir, DOC_NAME, NULL);

      save_call_clear (&calls[0]);
      save_call_clear (&calls[1]);
    }

  g_test_message ("%u overlapping pairs: both saved %u times, second refused %u times, "
                  "wrong outcome %u times", iterations, both_saved, second_refused, wrong);
  if (problem != NULL)
    g_test_fail_printf ("%u of %u overlapping saves went wrong; first, %s "
                        "(pw-workbook-io.c: saves of one workbook are not serialized)",
                        wrong, iterations, problem);
}

/* ------------------------------------------------------------------------
 * 8. Durability order, under strace
 */

/* Joins strace's "<unfinished ...>" and "<... resumed>" halves and drops
 * the pid column. */
static GPtrArray *
read_strace_log (const char *path)
{
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GHashTable) unfinished = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, g_free);
  GPtrArray *calls = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      g_autofree char *pid = NULL;
      const char *rest;
      const char *resumed;

      rest = line;
      while (g_ascii_isdigit (*rest))
        rest++;
      pid = g_strndup (line, (gsize) (rest - line));
      while (*rest == ' ')
        rest++;
      if (*rest == '\0' || g_str_has_prefix (rest, "+++") || g_str_has_prefix (rest, "---"))
        continue;

      if (g_str_has_suffix (rest, " <unfinished ...>"))
        {
          g_hash_table_insert (unfinished, g_steal_pointer (&pid),
                               g_strndup (rest, strlen (rest) - strlen (" <unfinished ...>")));
          continue;
        }

      if (g_str_has_prefix (rest, "<... ") && (resumed = strstr (rest, " resumed>")) != NULL)
        {
          const char *head = g_hash_table_lookup (unfinished, pid);

          g_ptr_array_add (calls, g_strconcat (head ? head : "", resumed + strlen (" resumed>"),
                                               NULL));
          g_hash_table_remove (unfinished, pid);
          continue;
        }

      g_ptr_array_add (calls, g_strdup (rest));
    }

  return calls;
}

static void
check_durable_sequence (const char *log_path,
                        const char *target,
                        gsize       expected_size)
{
  g_autoptr(GPtrArray) calls = read_strace_log (log_path);
  g_autoptr(GRegex) open_re = NULL;
  g_autoptr(GRegex) write_re = NULL;
  g_autoptr(GRegex) sync_re = NULL;
  g_autoptr(GRegex) rename_re = NULL;
  g_autofree char *target_dir = g_path_get_dirname (target);
  g_autofree char *temp_prefix = g_strconcat (target, ".", NULL);
  g_autofree char *temp_path = NULL;
  int temp_fd = -1, dir_fd = -1;
  gsize written = 0, written_at_sync = 0;
  int opened_at = -1, synced_at = -1, renamed_at = -1, dir_synced_at = -1;
  gboolean write_after_sync = FALSE;

  open_re = g_regex_new ("^openat\\(AT_FDCWD, \"([^\"]*)\", ([A-Z_|]+).*\\) = (-?[0-9]+)",
                         0, 0, NULL);
  write_re = g_regex_new ("^(?:write|pwrite64)\\(([0-9]+), .*\\) = (-?[0-9]+)", 0, 0, NULL);
  sync_re = g_regex_new ("^f(?:data)?sync\\(([0-9]+)\\) += (-?[0-9]+)", 0, 0, NULL);
  rename_re = g_regex_new ("^rename(?:at2?)?\\((?:AT_FDCWD, )?\"([^\"]*)\", (?:AT_FDCWD, )?"
                           "\"([^\"]*)\".*\\) = (-?[0-9]+)", 0, 0, NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      const char *call = g_ptr_array_index (calls, i);
      g_autoptr(GMatchInfo) match = NULL;

      if (g_regex_match (open_re, call, 0, &match))
        {
          g_autofree char *path = g_match_info_fetch (match, 1);
          g_autofree char *flags = g_match_info_fetch (match, 2);
          g_autofree char *result = g_match_info_fetch (match, 3);
          int fd = atoi (result);

          if (fd == temp_fd)
            temp_fd = -1;  /* the number was reused: the temporary file was closed */
          if (fd == dir_fd)
            dir_fd = -1;
          if (fd >= 0 && g_str_has_prefix (path, temp_prefix) && strstr (flags, "O_CREAT"))
            {
              g_free (temp_path);
              temp_path = g_strdup (path);
              temp_fd = fd;
              opened_at = (int) i;
              written = written_at_sync = 0;
              synced_at = renamed_at = dir_synced_at = -1;
              write_after_sync = FALSE;
            }
          else if (fd >= 0 && renamed_at >= 0 && g_str_equal (path, target_dir))
            dir_fd = fd;
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);

      if (g_regex_match (write_re, call, 0, &match))
        {
          g_autofree char *fd = g_match_info_fetch (match, 1);
          g_autofree char *result = g_match_info_fetch (match, 2);

          if (temp_fd >= 0 && atoi (fd) == temp_fd && atoi (result) > 0)
            {
              written += (gsize) atoi (result);
              write_after_sync |= synced_at >= 0;
            }
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);

      if (g_regex_match (sync_re, call, 0, &match))
        {
          g_autofree char *fd = g_match_info_fetch (match, 1);
          g_autofree char *result = g_match_info_fetch (match, 2);

          if (temp_fd >= 0 && atoi (fd) == temp_fd && atoi (result) == 0 && renamed_at < 0)
            {
              synced_at = (int) i;
              written_at_sync = written;
            }
          else if (dir_fd >= 0 && atoi (fd) == dir_fd && atoi (result) == 0
                   && dir_synced_at < 0)
            dir_synced_at = (int) i;
          continue;
        }
      g_clear_pointer (&match, g_match_info_free);

      if (g_regex_match (rename_re, call, 0, &match))
        {
          g_autofree char *from = g_match_info_fetch (match, 1);
          g_autofree char *to = g_match_info_fetch (match, 2);
          g_autofree char *result = g_match_info_fetch (match, 3);

          if (temp_path != NULL && g_str_equal (from, temp_path) && g_str_equal (to, target)
              && atoi (result) == 0)
            renamed_at = (int) i;
        }
    }

  g_test_message ("%s: temp %s opened at call %d, fsync at %d, rename at %d, "
                  "fsync(folder) at %d, %" G_GSIZE_FORMAT " bytes written",
                  target, temp_path, opened_at, synced_at, renamed_at, dir_synced_at, written);
  g_assert_nonnull (temp_path);
  g_assert_cmpint (renamed_at, >, opened_at);
  g_assert_cmpint (synced_at, >, opened_at);
  g_assert_cmpint (synced_at, <, renamed_at);
  g_assert_false (write_after_sync);
  g_assert_cmpuint (written_at_sync, ==, expected_size);
  g_assert_cmpint (dir_synced_at, >, renamed_at);
}

static void
trace_one_save (Fixture    *fixture,
                const char *strace,
                const char *source,
                const char *name,
                const char *log_name)
{
  g_autofree char *log_path = g_build_filename (fixture->dir, log_name, NULL);
  g_auto(GStrv) env = child_environment ();
  g_autofree char *asan_options = NULL;
  g_autoptr(PwWorkbook) workbook = load_path (source);
  g_autoptr(GBytes) expected = serialize_with_name (workbook, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = {
    strace, "-f", "-qq", "-o", log_path,
    "-e", "trace=openat,write,pwrite64,fsync,fdatasync,/^rename",
    self_exe, "--pw-helper", "save", source, fixture->doc, name, "-", "-",
    NULL
  };
  int status = 0;

  /* LeakSanitizer cannot run under ptrace (in an ASan build) */
  asan_options = g_environ_getenv (env, "ASAN_OPTIONS") != NULL
    ? g_strconcat (g_environ_getenv (env, "ASAN_OPTIONS"), ":detect_leaks=0", NULL)
    : g_strdup ("detect_leaks=0");
  env = g_environ_setenv (env, "ASAN_OPTIONS", asan_options, TRUE);

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != HELPER_SAVED)
    {
      if (strstr (err, "ptrace") != NULL || strstr (err, "PTRACE") != NULL)
        {
          g_autofree char *reason = NULL;

          g_strdelimit (err, "\r\n", ' ');
          reason = g_strdup_printf ("strace cannot trace here: %s", g_strstrip (err));
          g_test_skip (reason);
          return;
        }
      g_error ("The traced save failed (status %d): %s %s", status, out, err);
    }

  assert_file_bytes (fixture->doc, expected);
  check_durable_sequence (log_path, fixture->doc, g_bytes_get_size (expected));
  g_assert_cmpint (g_unlink (log_path), ==, 0);
}

static void
test_durability (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *example = get_example_path ();

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed: cannot check fsync(temp) → rename → fsync(folder)");
      return;
    }

  /* The first save of a new file */
  trace_one_save (fixture, strace, example, NAME_A, "first.strace");
  if (g_test_failed () || !g_file_test (fixture->doc, G_FILE_TEST_EXISTS))
    return;

  /* and a save over an existing file */
  trace_one_save (fixture, strace, fixture->doc, NAME_B, "over.strace");
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
}

/* ------------------------------------------------------------------------
 * Helper mode: test-save --pw-helper MODE ARGS…
 *
 *   save SOURCE TARGET NAME FSIZE USER
 *     Loads SOURCE, sets the organization name, saves to TARGET with
 *     PW_SAVE_NONE.  FSIZE: a RLIMIT_FSIZE in bytes (SIGXFSZ ignored) or
 *     "-"; USER: "nobody" to drop root's privileges first, or "-".  Prints
 *     "OK" or the error's domain, code and message.
 *   loop PATH NAME_A NAME_B
 *     Loads PATH, writes "R" to stdout, then saves forever, alternating the
 *     organization name between the two, writing "S" after each save.
 */

static int
drop_privileges (void)
{
  if (geteuid () != 0)
    return 0;

  if (setgroups (0, NULL) != 0 || setgid (NOBODY_ID) != 0 || setuid (NOBODY_ID) != 0)
    return -1;

  /* so that LeakSanitizer can still inspect the process */
  prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);

  return 0;
}

static int
helper_save (int    argc,
             char **argv)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 5)
    return HELPER_SETUP_FAILED;

  source = g_file_new_for_path (argv[0]);
  target = g_file_new_for_path (argv[1]);
  workbook = pw_workbook_load (source, NULL, &error);
  if (workbook == NULL)
    {
      g_printerr ("Cannot load %s: %s\n", argv[0], error->message);
      return HELPER_SETUP_FAILED;
    }
  pw_workbook_set_name (workbook, argv[2]);

  if (!g_str_equal (argv[3], "-"))
    {
      struct rlimit limit;

      if (getrlimit (RLIMIT_FSIZE, &limit) != 0)
        return HELPER_SETUP_FAILED;
      limit.rlim_cur = (rlim_t) g_ascii_strtoull (argv[3], NULL, 10);
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        return HELPER_SETUP_FAILED;
    }

  if (g_str_equal (argv[4], "nobody") && drop_privileges () != 0)
    return HELPER_SKIP;

  if (!pw_workbook_save (workbook, target, PW_SAVE_NONE, NULL, &error))
    {
      g_print ("%s %d %s\n", g_quark_to_string (error->domain), error->code, error->message);
      return HELPER_SAVE_FAILED;
    }

  g_print ("OK\n");
  return HELPER_SAVED;
}

static int
helper_loop (int    argc,
             char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    return HELPER_SETUP_FAILED;

  file = g_file_new_for_path (argv[0]);
  workbook = pw_workbook_load (file, NULL, &error);
  if (workbook == NULL)
    {
      g_printerr ("Cannot load %s: %s\n", argv[0], error->message);
      return HELPER_SETUP_FAILED;
    }

  if (write (STDOUT_FILENO, "R", 1) != 1)
    return HELPER_SETUP_FAILED;

  for (;;)
    {
      gboolean is_a = g_strcmp0 (pw_workbook_get_name (workbook), argv[1]) == 0;

      pw_workbook_set_name (workbook, is_a ? argv[2] : argv[1]);
      if (!pw_workbook_save (workbook, file, PW_SAVE_NONE, NULL, &error))
        {
          g_printerr ("Save failed: %s\n", error->message);
          return HELPER_SAVE_FAILED;
        }
      if (write (STDOUT_FILENO, "S", 1) != 1)
        return HELPER_SETUP_FAILED;
    }
}

static int
helper_main (int    argc,
             char **argv)
{
  if (g_str_equal (argv[0], "save"))
    return helper_save (argc - 1, argv + 1);
  if (g_str_equal (argv[0], "loop"))
    return helper_loop (argc - 1, argv + 1);

  g_printerr ("Unknown helper mode %s\n", argv[0]);
  return HELPER_SETUP_FAILED;
}

/* ------------------------------------------------------------------------ */

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char **args = NULL;
  const char *quick_env;
  int n_args = 0;
  int result;

  if (argc >= 3 && g_str_equal (argv[1], "--pw-helper"))
    return helper_main (argc - 2, argv + 2);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);
  quick_env = g_getenv ("PW_TEST_QUICK");
  quick = quick_env != NULL && *quick_env != '\0' && !g_str_equal (quick_env, "0");

  /* Report every failing case, not only the first: cases that show a bug
   * of the core fail with g_test_fail_printf() and the others go on. */
  args = g_new0 (char *, argc + 2);
  args[n_args++] = argv[0];
  args[n_args++] = (char *) "--keep-going";
  for (int i = 1; i < argc; i++)
    args[n_args++] = argv[i];
  argv = args;
  argc = n_args;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  umask (022);  /* what the mode cases expect of new files */

  add_test ("/phasewise/save/round-trip", test_round_trip);
  add_test ("/phasewise/save/failed/read-only-dir", test_failed_read_only_dir);
  add_test ("/phasewise/save/failed/target-is-dir", test_failed_target_is_dir);
  add_test ("/phasewise/save/failed/fsize-limit", test_failed_fsize_limit);
  add_test ("/phasewise/save/failed/no-parent", test_failed_no_parent);
  add_test ("/phasewise/save/failed/cancelled", test_failed_cancelled);
  add_test ("/phasewise/save/kill-9", test_kill_during_save);
  add_test ("/phasewise/save/external-change/detected", test_external_change);
  add_test ("/phasewise/save/external-change/same-mtime", test_external_change_same_mtime);
  add_test ("/phasewise/save/mode/private", test_mode_private);
  add_test ("/phasewise/save/mode/group-writable", test_mode_group_writable);
  add_test ("/phasewise/save/mode/new-file", test_mode_new_file);
  add_test ("/phasewise/save/symlink", test_symlink);
  add_test ("/phasewise/save/backup/previous-version", test_backup);
  add_test ("/phasewise/save/backup/none", test_backup_none);
  add_test ("/phasewise/save/backup/folder-blocked", test_backup_blocked);
  add_test ("/phasewise/save/async/generation", test_async_generation);
  add_test ("/phasewise/save/async/concurrent", test_async_concurrent);
  add_test ("/phasewise/save/durability", test_durability);

  result = g_test_run ();
  g_free (self_exe);

  return result;
}
