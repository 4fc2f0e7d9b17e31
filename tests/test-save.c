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
 * the function.  To see every failing case rather than stop at the first,
 * run `meson test -C build save --test-args=--keep-going`.
 *
 * Environment:
 *   PW_TEST_QUICK=1  fewer iterations, for the runs that look for memory
 *                    errors: 50 instead of 500 kills during saves, 4
 *                    instead of 16 file-size limits, 20 instead of 200
 *                    overlapping saves.  `meson test --setup=valgrind` and
 *                    the sanitizer run of tools/test.sh set it.
 *   `-m slow`        (g_test_slow()) raises the kill loop to 2,000 and the
 *                    overlapping saves to 1,000.
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
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "phasewise-core.h"
#include "pw-document-private.h"
#include "pw-test-core.h"

#define DOC_NAME  "doc.phasewise"
#define NAME_A    "Larkspur Outdoor Equipment (A)"
#define NAME_B    "Larkspur Outdoor Equipment — version B, with a longer name"
#define NAME_C    "Larkspur C"

/* Exit codes of the helper */
#define HELPER_SAVED        0
#define HELPER_SAVE_FAILED  1
#define HELPER_SETUP_FAILED 2
#define HELPER_SKIP         77

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
  fixture->dir = pw_test_make_tmp_dir ("pw-save-XXXXXX");
  fixture->doc = g_build_filename (fixture->dir, DOC_NAME, NULL);
  fixture->doc_file = g_file_new_for_path (fixture->doc);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  pw_test_remove_tree (fixture->dir);
  g_clear_object (&fixture->doc_file);
  g_clear_pointer (&fixture->doc, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static GBytes *
read_example (void)
{
  g_autofree char *path = pw_test_example_path ();

  return pw_test_read_bytes (path);
}

/* A document of the workbook at @path, as a window has it */
static PwDocument *
load_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PwDocument *document = pw_document_new (pw_test_get_session ());

  g_assert_true (pw_document_load (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_document_get_modified (document));

  return document;
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
  g_autofree char *example = pw_test_example_path ();
  g_autoptr(GBytes) example_bytes = pw_test_read_bytes (example);
  g_autoptr(PwDocument) document = load_document (example);
  PwWorkbook *workbook = pw_document_get_workbook (document);
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

  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));
  g_assert_true (g_file_equal (pw_document_get_file (document), fixture->doc_file));
  g_assert_false (_pw_document_changed_on_disk (document, NULL));
  pw_test_assert_file_bytes (fixture->doc, first);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);

  /* Saving elsewhere never touches the file it came from. */
  pw_test_assert_file_bytes (example, example_bytes);

  reloaded = pw_test_load_workbook (fixture->doc);
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
                      PwDocument **document)
{
  *original = read_example ();
  pw_test_write_bytes (fixture->doc, *original);
  *document = load_document (fixture->doc);
  pw_workbook_set_name (pw_document_get_workbook (*document), NAME_B);
}

static void
test_failed_read_only_dir (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GError) error = NULL;

  prepare_failing_save (fixture, &original, &document);
  workbook = pw_document_get_workbook (document);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  if (geteuid () == 0)
    {
      /* Root ignores permissions: save as “nobody” in a child instead. */
      const char * const args[] = { "save", fixture->doc, fixture->doc, NAME_B, "-", "nobody",
                                    NULL };
      g_auto(GStrv) env = pw_test_environ_without_leak_check (pw_test_child_environment ());
      g_autofree char *out = NULL;
      int status = pw_test_run_helper (args, env, &out);

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
      g_assert_false (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL,
                                        &error));
      assert_error_names_file (error, fixture->doc);
      g_test_message ("%s", error->message);
      g_assert_true (pw_workbook_get_modified (workbook));
    }

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  pw_test_assert_file_bytes (fixture->doc, original);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
}

static void
test_failed_target_is_dir (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *example = pw_test_example_path ();
  g_autofree char *inside = g_build_filename (fixture->doc, "keep.txt", NULL);
  g_autoptr(GBytes) keep = g_bytes_new_static ("keep me", 7);
  g_autoptr(PwDocument) document = load_document (example);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->doc, 0700), ==, 0);
  pw_test_write_bytes (inside, keep);
  pw_workbook_set_name (workbook, NAME_B);

  g_assert_false (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_error_names_file (error, fixture->doc);
  g_assert_true (pw_workbook_get_modified (workbook));

  g_assert_true (g_file_test (fixture->doc, G_FILE_TEST_IS_DIR));
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  assert_dir_holds (fixture->doc, "keep.txt", NULL);
  pw_test_assert_file_bytes (inside, keep);
}

/* RELIABILITY cases 1 and 2: a write that fails midway (RLIMIT_FSIZE, in
 * a child) for limits from 0 up to the new file's size. */
static void
test_failed_fsize_limit (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GBytes) wanted = NULL;
  guint steps = quick ? 4 : 16;
  gsize size;

  prepare_failing_save (fixture, &original, &document);
  workbook = pw_document_get_workbook (document);
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

      status = pw_test_run_helper (args, NULL, &out);
      g_strchomp (out);
      g_test_message ("limit %s of %" G_GSIZE_FORMAT ": %s", limit_text, size, out);
      g_assert_cmpint (status, ==, HELPER_SAVE_FAILED);
      g_assert_nonnull (strstr (out, fixture->doc));
      pw_test_assert_file_bytes (fixture->doc, original);
      assert_dir_holds (fixture->dir, DOC_NAME, NULL);
      assert_no_temp_backups ();
    }

  /* Exactly enough room: the save goes through. */
  {
    g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
    const char * const args[] = { "save", fixture->doc, fixture->doc, NAME_B, limit_text, "-",
                                  NULL };
    g_autofree char *out = NULL;

    g_assert_cmpint (pw_test_run_helper (args, NULL, &out), ==, HELPER_SAVED);
    pw_test_assert_file_bytes (fixture->doc, wanted);
    assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  }
}

static void
test_failed_no_parent (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *example = pw_test_example_path ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", DOC_NAME, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwDocument) document = load_document (example);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autoptr(GError) error = NULL;

  pw_workbook_set_name (workbook, NAME_B);
  g_assert_false (pw_document_save (document, file, PW_SAVE_NONE, NULL, &error));
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
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  prepare_failing_save (fixture, &original, &document);
  workbook = pw_document_get_workbook (document);
  g_cancellable_cancel (cancellable);
  g_assert_false (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, original);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
}

/* ------------------------------------------------------------------------
 * 3. kill -9 during save
 */

/* The kill loop's child saves the three versions in turn; it reports each
 * completed save with the digit of the version it wrote. */
static const char * const loop_names[] = { NAME_A, NAME_B, NAME_C };

static GPid
spawn_save_loop (const char *path,
                 guint       stop_after,
                 int        *out_fd)
{
  g_autofree char *stop = g_strdup_printf ("%u", stop_after);
  const char * const args[] = { "loop", path, stop, NAME_A, NAME_B, NAME_C, NULL };
  GPid pid = pw_test_spawn_helper (args, out_fd);

  /* The child is ready when it has loaded the file: kill it while it
   * saves, not while it starts. */
  g_assert_true (pw_test_wait_for_byte (*out_fd, 'R', NULL));

  return pid;
}

/* Microseconds one save takes in a child, measured over a few saves */
static gint64
measure_save_time (const char *path)
{
  int out_fd = -1;
  GPid pid = spawn_save_loop (path, 0, &out_fd);
  gint64 start;
  gint64 elapsed;

  g_assert_cmpint (pw_test_read_byte (out_fd), >=, '0');
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (pw_test_read_byte (out_fd), >=, '0');
  elapsed = (g_get_monotonic_time () - start) / 4;
  pw_test_kill_child (pid);
  close (out_fd);

  return elapsed;
}

/* Which of @versions @bytes is, or -1 */
static int
find_version (GBytes  *bytes,
              GBytes **versions)
{
  for (guint v = 0; v < G_N_ELEMENTS (loop_names); v++)
    {
      if (g_bytes_equal (bytes, versions[v]))
        return (int) v;
    }

  return -1;
}

/* RELIABILITY case 3.  A child loads the document and saves it again and
 * again, each time with the next of three versions, and is killed with
 * SIGKILL.  After every kill the file is complete and is either the last
 * version the child reported saved (the previous one) or the one it was
 * saving (the new one): never a mixture, never an older version, never
 * gone.  Three versions, not two, tell "previous" from "older".
 *
 * The first kills come when the child has finished a save and waits: the
 * file is then exactly the version saved, and all three versions are seen
 * on disk.  Then, half of the kills come 0–15 ms after the child is ready
 * (serializing, writing the backup and the temporary file, fsync, rename);
 * the other half anywhere in the first two saves, however long a save takes
 * on this machine (the fsyncs make it 20–40 ms on a VM disk). */
static void
test_kill_during_save (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *example = pw_test_example_path ();
  g_autoptr(PwDocument) document = load_document (example);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autoptr(GBytes) version_a = serialize_with_name (workbook, NAME_A);
  g_autoptr(GBytes) version_b = serialize_with_name (workbook, NAME_B);
  g_autoptr(GBytes) version_c = serialize_with_name (workbook, NAME_C);
  GBytes *versions[] = { version_a, version_b, version_c };
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5a7e);
  g_autofree char *backups = get_backups_dir ();
  guint at_rest = G_N_ELEMENTS (loop_names);
  guint iterations = at_rest + (quick ? 50 : g_test_slow () ? 2000 : 500);
  guint seen[G_N_ELEMENTS (loop_names)] = { 0 };
  gboolean loaded[G_N_ELEMENTS (loop_names)] = { FALSE };
  guint saves = 0, in_flight_kept = 0;
  guint temp_files = 0, temp_backups = 0;
  gint64 save_time, long_range, start;
  int current;

  pw_test_write_bytes (fixture->doc, version_a);
  save_time = measure_save_time (fixture->doc);
  long_range = CLAMP (2 * save_time, 15000, 500000);
  g_test_message ("One save takes %.1f ms here; kills come 0–15 ms or 0–%.1f ms after the "
                  "child is ready", save_time / 1e3, long_range / 1e3);

  {
    g_autoptr(GBytes) on_disk = pw_test_read_bytes (fixture->doc);

    current = find_version (on_disk, versions);
    g_assert_cmpint (current, >=, 0);
  }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < iterations; i++)
    {
      gboolean resting = i < at_rest;
      g_autoptr(GString) reports = g_string_new (NULL);
      g_autoptr(GString) rest = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      int out_fd = -1;
      int last, found;
      GPid pid;

      pid = spawn_save_loop (fixture->doc, resting ? 1 : 0, &out_fd);
      if (resting)
        g_assert_true (pw_test_wait_for_byte (out_fd, 'W', reports));
      else
        g_usleep ((gulong) g_rand_int_range (rand, 0,
                                             (gint32) (i % 2 ? long_range : 15000) + 1));
      pw_test_kill_child (pid);
      rest = pw_test_read_to_end (out_fd);
      close (out_fd);
      g_string_append_len (reports, rest->str, (gssize) rest->len);

      /* The reports: one digit per completed save, the versions in turn */
      last = current;
      for (gsize r = 0; r < reports->len; r++)
        {
          last = (last + 1) % (int) G_N_ELEMENTS (loop_names);
          if (reports->str[r] != '0' + last)
            g_error ("After kill %u, the child reported “%s” after version %d", i,
                     reports->str, current);
        }
      saves += reports->len;

      /* The file is complete, and is the last version reported saved or,
       * when the child was at work, the one it was saving. */
      on_disk = pw_test_read_bytes (fixture->doc);
      found = find_version (on_disk, versions);
      if (found < 0)
        g_error ("After kill %u the file is none of the versions (%" G_GSIZE_FORMAT " bytes)",
                 i, g_bytes_get_size (on_disk));
      if (found != last && (resting || found != (last + 1) % (int) G_N_ELEMENTS (loop_names)))
        g_error ("After kill %u the file is version %d, but the child had saved version %d "
                 "and was %s", i, found, last, resting ? "waiting" : "saving the next one");
      in_flight_kept += found != last;
      seen[found]++;
      current = found;

      /* Each version, read from disk, loads as a workbook with its name
       * (equal bytes load the same: each version is loaded once). */
      if (!loaded[found])
        {
          g_autoptr(PwWorkbook) reloaded = pw_test_load_workbook (fixture->doc);

          g_assert_cmpstr (pw_workbook_get_name (reloaded), ==, loop_names[found]);
          loaded[found] = TRUE;
        }
    }

  /* Temporary files from killed saves are ignored: the document loads with
   * them beside it. */
  {
    g_autoptr(PwWorkbook) reloaded = pw_test_load_workbook (fixture->doc);

    g_assert_cmpstr (pw_workbook_get_name (reloaded), ==, loop_names[current]);
  }
  temp_files = count_temp_files (fixture->dir, DOC_NAME);
  if (g_file_test (backups, G_FILE_TEST_IS_DIR))
    {
      g_auto(GStrv) names = list_dir (backups);

      for (guint i = 0; names[i] != NULL; i++)
        temp_backups += !g_str_has_suffix (names[i], ".phasewise");
    }

  g_test_message ("%u kills in %.1f s (%u of them at rest): the file was version A %u times, "
                  "B %u times, C %u times; %u times it held the save the child was killed in; "
                  "%u saves completed in all; %u temporary files left beside the document, %u "
                  "in the backups folder",
                  iterations, (g_get_monotonic_time () - start) / 1e6, at_rest, seen[0], seen[1],
                  seen[2], in_flight_kept, saves, temp_files, temp_backups);

  /* The kills at rest saw each version on disk, and each loaded. */
  for (guint v = 0; v < G_N_ELEMENTS (loop_names); v++)
    {
      g_assert_cmpuint (seen[v], >, 0);
      g_assert_true (loaded[v]);
    }
}

/* ------------------------------------------------------------------------
 * 4. External modification
 */

static void
test_external_change (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(PwWorkbook) other = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  struct timespec mtime;

  pw_test_write_bytes (fixture->doc, original);
  mtime = get_mtime (fixture->doc);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);
  g_assert_false (_pw_document_changed_on_disk (document, NULL));

  /* Someone else writes a different version, with a later mtime. */
  other = pw_test_load_workbook (fixture->doc);
  theirs = serialize_with_name (other, "Their organization");
  pw_test_write_bytes (fixture->doc, theirs);
  set_mtime (fixture->doc, add_seconds (mtime, 10));
  g_assert_true (_pw_document_changed_on_disk (document, NULL));

  pw_workbook_set_name (workbook, "Our organization");
  g_assert_false (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  assert_error_names_file (error, fixture->doc);
  g_clear_error (&error);
  g_assert_true (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, theirs);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  g_assert_true (_pw_document_changed_on_disk (document, NULL));

  /* The user chose “overwrite”. */
  ours = pw_workbook_serialize (workbook);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_OVERWRITE, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, ours);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);

  /* Its own saves are not changes by someone else. */
  g_assert_false (_pw_document_changed_on_disk (document, NULL));
  g_clear_pointer (&ours, g_bytes_unref);
  ours = serialize_with_name (workbook, "Our organization, again");
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (_pw_document_changed_on_disk (document, NULL));

  /* Touched (new mtime, same bytes) is not a change, and saving goes on. */
  set_mtime (fixture->doc, add_seconds (get_mtime (fixture->doc), 20));
  g_assert_false (_pw_document_changed_on_disk (document, NULL));
  g_clear_pointer (&ours, g_bytes_unref);
  ours = serialize_with_name (workbook, "Our organization, after the touch");
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  pw_test_assert_file_bytes (fixture->doc, ours);
  g_assert_false (_pw_document_changed_on_disk (document, NULL));
}

/* Another writer that keeps the mtime (rsync -t, cp -p, tar, a sync
 * client, or two writes within one tick of a coarse clock or of a FAT
 * file system's 2 s): the change must still be noticed. */
static void
test_external_change_same_mtime (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(PwWorkbook) other = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;
  struct timespec mtime;
  gboolean noticed, saved;

  pw_test_write_bytes (fixture->doc, original);
  mtime = get_mtime (fixture->doc);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);

  other = pw_test_load_workbook (fixture->doc);
  theirs = serialize_with_name (other, "Their organization");
  pw_test_write_bytes (fixture->doc, theirs);
  set_mtime (fixture->doc, mtime);

  noticed = _pw_document_changed_on_disk (document, NULL);
  pw_workbook_set_name (workbook, "Our organization");
  saved = pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error);
  if (!noticed || saved)
    {
      g_test_fail_printf ("Another writer's version with the same mtime: changed_on_disk %s, "
                          "save %s (pw-file-writer.c: the check trusts an equal modification time)",
                          noticed ? "TRUE" : "FALSE",
                          saved ? "overwrote it silently" : "refused");
      return;
    }
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  pw_test_assert_file_bytes (fixture->doc, theirs);
}

/* ------------------------------------------------------------------------
 * 5. Mode and symbolic links
 */

static void
check_mode_kept (Fixture *fixture,
                 mode_t   mode)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  pw_test_write_bytes (fixture->doc, original);
  g_assert_cmpint (g_chmod (fixture->doc, mode), ==, 0);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);
  pw_workbook_set_name (workbook, NAME_B);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
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
  g_autofree char *example = pw_test_example_path ();
  g_autoptr(PwDocument) document = load_document (example);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
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
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  pw_test_write_bytes (target, original);
  g_assert_cmpint (symlink ("real/target.phasewise", fixture->doc), ==, 0);

  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);
  ours = serialize_with_name (workbook, NAME_B);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));

  g_assert_cmpint (g_lstat (fixture->doc, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  link_value = g_file_read_link (fixture->doc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (link_value, ==, "real/target.phasewise");
  pw_test_assert_file_bytes (target, ours);
  assert_dir_holds (fixture->dir, DOC_NAME, "real", NULL);
  assert_dir_holds (real_dir, "target.phasewise", NULL);
  g_assert_false (_pw_document_changed_on_disk (document, NULL));

  /* and a second save through the link works the same */
  g_clear_pointer (&ours, g_bytes_unref);
  ours = serialize_with_name (workbook, NAME_A);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (fixture->doc, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  pw_test_assert_file_bytes (target, ours);
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
  g_autoptr(GFile) backup = pw_file_get_backup_file (fixture->doc_file);
  g_autofree char *backup_path = g_file_get_path (backup);
  g_autofree char *backups = get_backups_dir ();
  g_autofree char *backup_dir = g_path_get_dirname (backup_path);
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpstr (backup_dir, ==, backups);

  pw_test_write_bytes (fixture->doc, original);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);
  first = serialize_with_name (workbook, NAME_A);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  pw_test_assert_file_bytes (fixture->doc, first);
  pw_test_assert_file_bytes (backup_path, original);
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);  /* private, whatever the document's mode */
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);

  /* The backup is the version before the latest save. */
  second = serialize_with_name (workbook, NAME_B);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  pw_test_assert_file_bytes (fixture->doc, second);
  pw_test_assert_file_bytes (backup_path, first);
  assert_no_temp_backups ();
}

static void
test_backup_none (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autofree char *fresh_path = g_build_filename (fixture->dir, "fresh.phasewise", NULL);
  g_autoptr(GFile) fresh = g_file_new_for_path (fresh_path);
  g_autoptr(GFile) backup = pw_file_get_backup_file (fixture->doc_file);
  g_autoptr(GFile) fresh_backup = pw_file_get_backup_file (fresh);
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_equal (backup, fresh_backup));

  /* PW_SAVE_NO_BACKUP over an existing file */
  pw_test_write_bytes (fixture->doc, original);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);
  pw_workbook_set_name (workbook, NAME_A);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NO_BACKUP, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (backup, NULL));

  /* The first save of a new file has nothing to back up. */
  pw_workbook_set_name (workbook, NAME_B);
  g_assert_true (pw_document_save (document, fresh, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (fresh_backup, NULL));
}

static void
test_backup_blocked (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(GBytes) blocker = g_bytes_new_static ("not a folder", 12);
  g_autoptr(GFile) backup = pw_file_get_backup_file (fixture->doc_file);
  g_autofree char *app_dir = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *backups = get_backups_dir ();
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (app_dir, 0700), ==, 0);
  pw_test_write_bytes (backups, blocker);

  pw_test_write_bytes (fixture->doc, original);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);
  ours = serialize_with_name (workbook, NAME_B);
  g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, ours);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  pw_test_assert_file_bytes (backups, blocker);
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

  call->result = pw_document_save_finish (PW_DOCUMENT (source), result, &call->error);
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
  guint id = g_timeout_add_seconds (pw_test_watchdog_seconds (60), timeout_cb, NULL);

  g_main_loop_run (loop);
  g_source_remove (id);
}

static void
test_async_generation (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GBytes) original = read_example ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) later = NULL;
  g_autofree char *folder_path = g_build_filename (fixture->dir, "folder.phasewise", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  guint pending = 0;
  SaveCall call = { loop, &pending, FALSE, FALSE, NULL };

  pw_test_write_bytes (fixture->doc, original);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);

  /* An edit made while the save runs still needs saving. */
  saved = serialize_with_name (workbook, NAME_A);
  pending = 1;
  pw_document_save_async (document, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb, &call);
  pw_workbook_set_name (workbook, NAME_B);
  run_loop (loop);
  g_assert_true (call.done);
  g_assert_no_error (call.error);
  g_assert_true (call.result);
  g_assert_true (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, saved);
  assert_dir_holds (fixture->dir, DOC_NAME, NULL);
  g_assert_false (_pw_document_changed_on_disk (document, NULL));

  /* Without an edit meanwhile, the workbook is saved. */
  later = pw_workbook_serialize (workbook);
  call = (SaveCall) { loop, &pending, FALSE, FALSE, NULL };
  pending = 1;
  pw_document_save_async (document, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb, &call);
  run_loop (loop);
  g_assert_no_error (call.error);
  g_assert_true (call.result);
  g_assert_false (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, later);
  g_assert_false (_pw_document_changed_on_disk (document, NULL));

  /* A failing asynchronous save names the file and leaves it modified. */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  pw_workbook_set_name (workbook, NAME_A);
  call = (SaveCall) { loop, &pending, FALSE, FALSE, NULL };
  pending = 1;
  pw_document_save_async (document, folder, PW_SAVE_NONE, NULL, save_done_cb, &call);
  run_loop (loop);
  g_assert_false (call.result);
  g_assert_error (call.error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_error_names_file (call.error, folder_path);
  save_call_clear (&call);
  g_assert_true (pw_workbook_get_modified (workbook));
  pw_test_assert_file_bytes (fixture->doc, later);
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
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  guint iterations = quick ? 20 : g_test_slow () ? 1000 : 200;
  guint both_saved = 0, second_refused = 0, wrong = 0;
  g_autofree char *problem = NULL;

  pw_test_write_bytes (fixture->doc, original);
  document = load_document (fixture->doc);
  workbook = pw_document_get_workbook (document);

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

      pw_document_save_async (document, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb,
                              &calls[0]);
      version_2 = serialize_with_name (workbook, name_2);
      pw_document_save_async (document, fixture->doc_file, PW_SAVE_NONE, NULL, save_done_cb,
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

      on_disk = pw_test_read_bytes (fixture->doc);
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
      if (!pw_document_save (document, fixture->doc_file, PW_SAVE_NONE, NULL, &error))
        {
          wrong++;
          if (problem == NULL)
            problem = g_strdup_printf ("iteration %u: the save after the pair failed: %s",
                                       i, error->message);
          g_clear_error (&error);
          g_assert_true (pw_document_save (document, fixture->doc_file, PW_SAVE_OVERWRITE, NULL,
                                           &error));
          g_assert_no_error (error);
        }
      current = pw_workbook_serialize (workbook);
      pw_test_assert_file_bytes (fixture->doc, current);
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
  g_autoptr(GBytes) bytes = pw_test_read_bytes (path);
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

  /* strace pads the result to a column: of a short call, and of one that
   * was interrupted by another thread's and resumed (read_strace_log()) */
  open_re = g_regex_new ("^openat\\(AT_FDCWD, \"([^\"]*)\", ([A-Z_|]+).*\\) += (-?[0-9]+)",
                         0, 0, NULL);
  write_re = g_regex_new ("^(?:write|pwrite64)\\(([0-9]+), .*\\) += (-?[0-9]+)", 0, 0, NULL);
  sync_re = g_regex_new ("^f(?:data)?sync\\(([0-9]+)\\) += (-?[0-9]+)", 0, 0, NULL);
  rename_re = g_regex_new ("^rename(?:at2?)?\\((?:AT_FDCWD, )?\"([^\"]*)\", (?:AT_FDCWD, )?"
                           "\"([^\"]*)\".*\\) += (-?[0-9]+)", 0, 0, NULL);

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
  /* LeakSanitizer cannot run under ptrace (in an ASan build) */
  g_auto(GStrv) env = pw_test_environ_without_leak_check (pw_test_child_environment ());
  g_autoptr(PwDocument) document = load_document (source);
  PwWorkbook *workbook = pw_document_get_workbook (document);
  g_autoptr(GBytes) expected = serialize_with_name (workbook, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = {
    strace, "-f", "-qq", "-o", log_path,
    "-e", "trace=openat,write,pwrite64,fsync,fdatasync,/^rename",
    pw_test_get_self_exe (), PW_TEST_HELPER_FLAG, "save", source, fixture->doc, name, "-", "-",
    NULL
  };
  int status = 0;


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

  pw_test_assert_file_bytes (fixture->doc, expected);
  check_durable_sequence (log_path, fixture->doc, g_bytes_get_size (expected));
  g_assert_cmpint (g_unlink (log_path), ==, 0);
}

/* A log that strace wrote under load: the save's openat() of the temporary
 * file was interrupted by another thread's write() and resumed, so the
 * result stands on a line of its own, padded to a column. */
static void
test_durability_log (void)
{
  g_autofree char *log_path = pw_test_source_path ("tests", "fixtures", "strace",
                                                   "interleaved.strace", NULL);

  check_durable_sequence (log_path, "/tmp/pw-save-fixture/doc.phasewise", 104357);
}

static void
test_durability (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *example = pw_test_example_path ();

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
 *   loop PATH STOP NAME_0 NAME_1 NAME_2
 *     Loads PATH, whose organization name is one of the three, and writes
 *     "R" to stdout.  Then saves again and again, each time with the next
 *     name in turn (NAME_0 after NAME_2), and writes the digit of the name
 *     after each completed save.  With STOP > 0, after STOP saves it writes
 *     "W" and waits to be killed; with 0, it saves until it is killed.
 */

static int
helper_save (int    argc,
             char **argv)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 5)
    return HELPER_SETUP_FAILED;

  source = g_file_new_for_path (argv[0]);
  target = g_file_new_for_path (argv[1]);
  document = pw_document_new (pw_test_get_session ());
  if (!pw_document_load (document, source, NULL, &error))
    {
      g_printerr ("Cannot load %s: %s\n", argv[0], error->message);
      return HELPER_SETUP_FAILED;
    }
  pw_workbook_set_name (pw_document_get_workbook (document), argv[2]);

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

  if (g_str_equal (argv[4], "nobody") && pw_test_drop_privileges () != 0)
    return HELPER_SKIP;

  if (!pw_document_save (document, target, PW_SAVE_NONE, NULL, &error))
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
  g_autoptr(PwDocument) document = NULL;
  PwWorkbook *workbook = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *names;
  guint64 stop = 0;
  guint current = 0;

  if (argc != 5 || !g_ascii_string_to_unsigned (argv[1], 10, 0, G_MAXUINT, &stop, NULL))
    return HELPER_SETUP_FAILED;
  names = (const char * const *) argv + 2;

  file = g_file_new_for_path (argv[0]);
  document = pw_document_new (pw_test_get_session ());
  if (!pw_document_load (document, file, NULL, &error))
    {
      g_printerr ("Cannot load %s: %s\n", argv[0], error->message);
      return HELPER_SETUP_FAILED;
    }
  workbook = pw_document_get_workbook (document);
  while (current < 3 && g_strcmp0 (pw_workbook_get_name (workbook), names[current]) != 0)
    current++;
  if (current == 3)
    {
      g_printerr ("%s has none of the names of the loop\n", argv[0]);
      return HELPER_SETUP_FAILED;
    }

  if (write (STDOUT_FILENO, "R", 1) != 1)
    return HELPER_SETUP_FAILED;

  for (guint64 n = 1;; n++)
    {
      char report;

      current = (current + 1) % 3;
      report = (char) ('0' + current);
      pw_workbook_set_name (workbook, names[current]);
      if (!pw_document_save (document, file, PW_SAVE_NONE, NULL, &error))
        {
          g_printerr ("Save failed: %s\n", error->message);
          return HELPER_SAVE_FAILED;
        }
      if (write (STDOUT_FILENO, &report, 1) != 1)
        return HELPER_SETUP_FAILED;

      if (n == stop)
        {
          if (write (STDOUT_FILENO, "W", 1) != 1)
            return HELPER_SETUP_FAILED;
          for (;;)
            pause ();
        }
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
  if (pw_test_is_helper (argc, argv))
    return helper_main (argc - 2, argv + 2);

  quick = pw_test_quick ();
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
  g_test_add_func ("/phasewise/save/durability-log", test_durability_log);

  return g_test_run ();
}
