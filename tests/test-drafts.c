/* test-drafts.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Drafts and crash recovery (STYLE.md rule 12, RELIABILITY.md case 7).
 *
 *   /phasewise/drafts/save-load-remove      files, modes, index, errors
 *   /phasewise/drafts/default-directory     g_get_user_data_dir()/<app-id>/drafts
 *   /phasewise/drafts/crash                 no end_session: both drafts come back
 *   /phasewise/drafts/clean-shutdown        removed drafts stay removed; a stale one is kept
 *   /phasewise/drafts/before-session        saving before begin_session keeps listed drafts
 *   /phasewise/drafts/long-title            a title is cut, and the index still reads
 *   /phasewise/drafts/async/order           queued writes keep the order asked for
 *   /phasewise/drafts/async/many            200 writes, final state is the last asked for
 *   /phasewise/drafts/hostile/not-json      moved aside, drafts on disk adopted
 *   /phasewise/drafts/hostile/wrong-types   every member wrong in turn: no crash
 *   /phasewise/drafts/hostile/outside       ids and links that point outside the folder
 *   /phasewise/drafts/hostile/too-many      10,000 drafts listed: 100 read
 *   /phasewise/drafts/hostile/deep          100,000 levels of nesting, 5 MB index
 *   /phasewise/drafts/orphans               unlisted drafts: old deleted, new kept
 *   /phasewise/drafts/older-than-file       the document changed after the draft
 *   /phasewise/drafts/kill-9                SIGKILL during draft writes in a loop
 *
 * Environment: PW_TEST_QUICK=1 (set by `meson test --setup=valgrind`) runs
 * 30 kills instead of 200.
 *
 * The kill-9 case runs this same binary as `test-drafts --pw-helper loop
 * DIR A B` (see helper_loop()).
 */

#define G_LOG_DOMAIN "test-drafts"

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "phasewise-core.h"
#include "pw-drafts.h"

#define WORKBOOK_A "Larkspur Outdoor Equipment (A)"
#define WORKBOOK_B "Larkspur Outdoor Equipment — version B"
#define N_LOOP_IDS 3

static char *self_exe;
static gboolean quick;

/* ------------------------------------------------------------------------
 * Helpers
 */

static char *
make_drafts_dir (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS: a private data folder per test case */
  return g_build_filename (g_get_user_data_dir (), "drafts-under-test", NULL);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
write_index (const char *dir,
             const char *text)
{
  g_autofree char *path = g_build_filename (dir, PW_DRAFTS_INDEX_NAME, NULL);

  write_text (path, text);
}

static char *
draft_path (const char *dir,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, PW_DRAFTS_SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/* Sets the modification time of @path to @seconds from now. */
static void
set_mtime (const char *path,
           gint64      seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint64 when = (guint64) (g_get_real_time () / G_USEC_PER_SEC + seconds);

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, when,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 0777;
}

static JsonObject *
read_index_object (const char *dir,
                   JsonNode  **root_out)
{
  g_autofree char *path = g_build_filename (dir, PW_DRAFTS_INDEX_NAME, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  JsonNode *root;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  root = pw_json_parse_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  *root_out = root;

  return json_node_get_object (root);
}

static void
assert_index (const char *dir,
              gboolean    shutdown,
              guint       n_drafts)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = read_index_object (dir, &root);

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, PW_DRAFTS_FORMAT);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, PW_DRAFTS_FORMAT_VERSION);
  g_assert_cmpint (json_object_get_boolean_member (object, "shutdown"), ==, shutdown);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "drafts")), ==,
                    n_drafts);
}

static PwDraftInfo *
find_info (GPtrArray  *drafts,
           const char *id)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      PwDraftInfo *info = g_ptr_array_index (drafts, i);

      if (g_str_equal (info->id, id))
        return info;
    }

  return NULL;
}

static GPtrArray *
begin_session (PwDrafts *drafts)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *recovered = NULL;

  g_assert_true (pw_drafts_begin_session (drafts, &recovered, &error));
  g_assert_no_error (error);
  g_assert_nonnull (recovered);

  return recovered;
}

/* A new PwDrafts on @dir, as the next start of the application */
static GPtrArray *
restart (const char *dir,
         gboolean   *crashed)
{
  g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);
  GPtrArray *recovered = begin_session (drafts);

  if (crashed != NULL)
    *crashed = pw_drafts_get_crashed (drafts);

  return recovered;
}

static void
assert_draft_bytes (PwDrafts   *drafts,
                    const char *id,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pw_drafts_load (drafts, id, &error);
  g_autoptr(GBytes) wanted = bytes_from_string (expected);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, wanted));
}

static void
save_text (PwDrafts   *drafts,
           const char *id,
           GFile      *file,
           const char *title,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_from_string (text);

  g_assert_true (pw_drafts_save (drafts, id, file, title, bytes, &error));
  g_assert_no_error (error);
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

/* ------------------------------------------------------------------------
 * The basics
 */

static void
test_save_load_remove (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);
  g_autofree char *id = pw_drafts_new_id ();
  g_autofree char *other_id = pw_drafts_new_id ();
  g_autofree char *path = NULL;
  g_autofree char *index_path = g_build_filename (dir, PW_DRAFTS_INDEX_NAME, NULL);
  g_autofree char *doc_path = g_build_filename (dir, "..", "doc.phasewise", NULL);
  g_autoptr(GFile) doc = g_file_new_for_path (doc_path);
  g_autofree char *doc_uri = g_file_get_uri (doc);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (pw_drafts_get_directory (drafts), ==, dir);
  g_assert_true (pw_is_valid_id (id));
  g_assert_cmpstr (id, !=, other_id);
  path = draft_path (dir, id);

  /* Nothing is written before it is needed. */
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  save_text (drafts, id, NULL, "Untitled workbook", "first version");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (index_path), ==, 0600);
  assert_index (dir, TRUE, 1);
  assert_draft_bytes (drafts, id, "first version");

  list = pw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PwDraftInfo *) list->pdata[0])->id, ==, id);
  g_assert_null (((PwDraftInfo *) list->pdata[0])->uri);
  g_assert_cmpstr (((PwDraftInfo *) list->pdata[0])->title, ==, "Untitled workbook");
  g_assert_cmpint (((PwDraftInfo *) list->pdata[0])->saved_unix, >,
                   g_get_real_time () / G_USEC_PER_SEC - 60);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Saved again, now with a file: one entry, updated */
  save_text (drafts, id, doc, "doc.phasewise", "second version");
  save_text (drafts, other_id, NULL, "Another", "other");
  assert_draft_bytes (drafts, id, "second version");
  list = pw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (find_info (list, id)->uri, ==, doc_uri);
  g_assert_cmpstr (find_info (list, id)->title, ==, "doc.phasewise");
  g_clear_pointer (&list, g_ptr_array_unref);
  assert_index (dir, TRUE, 2);

  /* The boxed type copies */
  {
    g_autoptr(PwDraftInfo) copy = NULL;

    list = pw_drafts_list (drafts);
    copy = g_boxed_copy (PW_TYPE_DRAFT_INFO, find_info (list, id));
    g_assert_cmpstr (copy->uri, ==, doc_uri);
    g_assert_cmpstr (copy->title, ==, "doc.phasewise");
    g_clear_pointer (&list, g_ptr_array_unref);
  }

  /* Removed after a real save */
  g_assert_true (pw_drafts_remove (drafts, id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_index (dir, TRUE, 1);
  bytes = pw_drafts_load (drafts, id, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* Removing twice is no error */
  g_assert_true (pw_drafts_remove (drafts, id, &error));
  g_assert_no_error (error);

  /* An id that is not one */
  bytes = pw_drafts_load (drafts, "../index.json", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* The draft of the other document is still there */
  assert_draft_bytes (drafts, other_id, "other");
}

static void
test_default_directory (void)
{
  g_autoptr(PwDrafts) drafts = pw_drafts_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
  g_autofree char *directory = NULL;

  g_assert_cmpstr (pw_drafts_get_directory (drafts), ==, expected);
  g_object_get (drafts, "directory", &directory, NULL);
  g_assert_cmpstr (directory, ==, expected);
}

/* RELIABILITY case 7: edit, do not save, crash, restart. */
static void
test_crash (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *doc_path = g_build_filename (g_get_user_data_dir (), "report.phasewise", NULL);
  g_autoptr(GFile) doc = g_file_new_for_path (doc_path);
  g_autofree char *doc_uri = g_file_get_uri (doc);
  g_autofree char *untitled = pw_drafts_new_id ();
  g_autofree char *titled = pw_drafts_new_id ();
  g_autoptr(GPtrArray) recovered = NULL;
  gboolean crashed = TRUE;
  PwDraftInfo *info;

  /* The document exists, older than its draft */
  write_text (doc_path, "saved long ago");
  set_mtime (doc_path, -3600);

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    /* The first run: nothing to recover, no crash */
    recovered = begin_session (drafts);
    g_assert_cmpuint (recovered->len, ==, 0);
    g_assert_false (pw_drafts_get_crashed (drafts));
    g_clear_pointer (&recovered, g_ptr_array_unref);
    assert_index (dir, FALSE, 0);

    save_text (drafts, untitled, NULL, "Untitled workbook", "untitled contents");
    save_text (drafts, titled, doc, "report.phasewise", "unsaved changes of report");
    /* …and the application dies: no pw_drafts_end_session () */
  }

  recovered = restart (dir, &crashed);
  g_assert_true (crashed);
  g_assert_cmpuint (recovered->len, ==, 2);

  info = find_info (recovered, untitled);
  g_assert_nonnull (info);
  g_assert_null (info->uri);
  g_assert_cmpstr (info->title, ==, "Untitled workbook");
  g_assert_false (info->older_than_file);

  info = find_info (recovered, titled);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->uri, ==, doc_uri);
  g_assert_cmpstr (info->title, ==, "report.phasewise");
  g_assert_false (info->older_than_file);

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    assert_draft_bytes (drafts, untitled, "untitled contents");
    assert_draft_bytes (drafts, titled, "unsaved changes of report");
  }

  /* Restarting marks the new session as running. */
  assert_index (dir, FALSE, 2);
}

static void
test_clean_shutdown (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *a = pw_drafts_new_id ();
  g_autofree char *b = pw_drafts_new_id ();
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  gboolean crashed = TRUE;

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    recovered = begin_session (drafts);
    g_clear_pointer (&recovered, g_ptr_array_unref);
    save_text (drafts, a, NULL, "A", "a");
    save_text (drafts, b, NULL, "B", "b");
    g_assert_true (pw_drafts_remove (drafts, a, &error));
    g_assert_no_error (error);
    g_assert_true (pw_drafts_remove (drafts, b, &error));
    g_assert_no_error (error);
    g_assert_true (pw_drafts_end_session (drafts, &error));
    g_assert_no_error (error);
    assert_index (dir, TRUE, 0);
  }

  recovered = restart (dir, &crashed);
  g_assert_false (crashed);
  g_assert_cmpuint (recovered->len, ==, 0);
  g_clear_pointer (&recovered, g_ptr_array_unref);

  /* A draft still listed at a clean shutdown is stale, but it is never
   * dropped silently. */
  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    recovered = begin_session (drafts);
    g_clear_pointer (&recovered, g_ptr_array_unref);
    save_text (drafts, a, NULL, "Kept", "kept contents");
    g_assert_true (pw_drafts_end_session (drafts, &error));
    g_assert_no_error (error);
  }

  recovered = restart (dir, &crashed);
  g_assert_false (crashed);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_cmpstr (find_info (recovered, a)->title, ==, "Kept");
}

/* Saving before pw_drafts_begin_session() reads the index first, so that
 * drafts listed by the previous session are not dropped from it. */
static void
test_before_session (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autoptr(GPtrArray) recovered = NULL;

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    save_text (drafts, "first", NULL, "First", "1");
  }

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    save_text (drafts, "second", NULL, "Second", "2");
  }

  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 2);
  g_assert_nonnull (find_info (recovered, "first"));
  g_assert_nonnull (find_info (recovered, "second"));
}

static void
test_long_title (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autoptr(GPtrArray) recovered = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (title, "ä");

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    save_text (drafts, "long", NULL, title->str, "contents");
  }

  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_cmpint (g_utf8_strlen (find_info (recovered, "long")->title, -1), ==,
                   PW_MAX_NAME_CHARS);
}

/* ------------------------------------------------------------------------
 * Asynchronous writes
 */

typedef struct
{
  guint     pending;
  guint     failed;
  GString  *order;
} AsyncState;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (!pw_drafts_save_finish (PW_DRAFTS (object), result, &error))
    {
      g_test_message ("Async save failed: %s", error->message);
      state->failed++;
    }
  g_string_append_c (state->order, 'd');
  state->pending--;
}

static void
save_async (PwDrafts   *drafts,
            const char *id,
            const char *text,
            AsyncState *state)
{
  g_autoptr(GBytes) bytes = bytes_from_string (text);

  state->pending++;
  pw_drafts_save_async (drafts, id, NULL, id, bytes, NULL, save_done_cb, state);
}

static void
wait_all (AsyncState *state)
{
  while (state->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_async_order (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *b_path = NULL;
  g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { 0, 0, g_string_new (NULL) };

  recovered = begin_session (drafts);
  g_clear_pointer (&recovered, g_ptr_array_unref);

  save_async (drafts, "a", "a1", &state);
  save_async (drafts, "a", "a2", &state);
  save_async (drafts, "b", "b1", &state);
  /* Synchronous calls wait for the write in progress, and a removal is not
   * undone by a write of the same draft still queued. */
  g_assert_true (pw_drafts_remove (drafts, "b", &error));
  g_assert_no_error (error);
  save_text (drafts, "c", NULL, "c", "c-sync");
  save_async (drafts, "d", "d1", &state);
  g_assert_cmpuint (state.pending, ==, 4);

  /* The index already lists what was asked for. */
  list = pw_drafts_list (drafts);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_nonnull (find_info (list, "a"));
  g_assert_null (find_info (list, "b"));

  wait_all (&state);
  g_assert_cmpuint (state.failed, ==, 0);
  g_assert_cmpstr (state.order->str, ==, "dddd");

  assert_draft_bytes (drafts, "a", "a2");
  assert_draft_bytes (drafts, "c", "c-sync");
  assert_draft_bytes (drafts, "d", "d1");
  b_path = draft_path (dir, "b");
  g_assert_false (g_file_test (b_path, G_FILE_TEST_EXISTS));
  assert_index (dir, FALSE, 3);

  g_clear_pointer (&recovered, g_ptr_array_unref);
  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 3);
  g_assert_null (find_info (recovered, "b"));

  g_string_free (state.order, TRUE);
}

static void
test_async_many (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xd4af);
  g_autoptr(GPtrArray) recovered = NULL;
  AsyncState state = { 0, 0, g_string_new (NULL) };
  char *last[5] = { NULL };
  gboolean removed[5] = { FALSE };

  recovered = begin_session (drafts);
  g_clear_pointer (&recovered, g_ptr_array_unref);

  for (guint i = 0; i < 200; i++)
    {
      guint k = (guint) g_rand_int_range (rand, 0, 5);
      g_autofree char *id = g_strdup_printf ("draft-%u", k);

      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          g_autoptr(GError) error = NULL;

          g_assert_true (pw_drafts_remove (drafts, id, &error));
          g_assert_no_error (error);
          removed[k] = TRUE;
        }
      else
        {
          g_free (last[k]);
          last[k] = g_strdup_printf ("version %u of %s", i, id);
          removed[k] = FALSE;
          save_async (drafts, id, last[k], &state);
        }

      /* Let some of them finish meanwhile */
      if (i % 7 == 0)
        g_main_context_iteration (NULL, FALSE);
    }

  wait_all (&state);
  g_assert_cmpuint (state.failed, ==, 0);

  recovered = restart (dir, NULL);
  for (guint k = 0; k < 5; k++)
    {
      g_autofree char *id = g_strdup_printf ("draft-%u", k);

      if (last[k] == NULL || removed[k])
        {
          g_autofree char *path = draft_path (dir, id);

          g_assert_null (find_info (recovered, id));
          g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
        }
      else
        {
          g_assert_nonnull (find_info (recovered, id));
          assert_draft_bytes (drafts, id, last[k]);
        }
      g_free (last[k]);
    }

  g_string_free (state.order, TRUE);
}

/* ------------------------------------------------------------------------
 * Hostile indexes
 */

static void
test_hostile_not_json (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *broken = g_build_filename (dir, PW_DRAFTS_INDEX_NAME ".broken", NULL);
  g_autofree char *kept = draft_path (dir, "kept");
  g_autoptr(GPtrArray) recovered = NULL;
  gboolean crashed = FALSE;
  PwDraftInfo *info;

  /* A draft on disk, old, that the broken index no longer names */
  write_text (kept, "precious unsaved answers");
  set_mtime (kept, -3600);
  write_index (dir, "{\"format\": \"phasewise-drafts\", \"version\": 1, \"drafts\": [");

  recovered = restart (dir, &crashed);
  g_assert_true (crashed);
  g_assert_true (g_file_test (broken, G_FILE_TEST_IS_REGULAR));
  assert_index (dir, FALSE, 1);

  /* Never lost: adopted as an untitled draft */
  g_assert_cmpuint (recovered->len, ==, 1);
  info = find_info (recovered, "kept");
  g_assert_nonnull (info);
  g_assert_null (info->uri);
  g_assert_cmpstr (info->title, ==, "");
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&recovered, g_ptr_array_unref);

  /* Other kinds of not JSON */
  {
    const char *texts[] = {
      "", "   ", "not json", "{}{}", "/*c*/ {}", "{'format': 1}", "[1, 2", "\xff\xfe",
      "{\"a\": 1, \"a\": 2}", "{\"version\": 1e400}", "{\"version\": 99999999999999999999999}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        write_index (dir, texts[i]);
        recovered = restart (dir, NULL);
        g_assert_cmpuint (recovered->len, ==, 1);
        g_assert_nonnull (find_info (recovered, "kept"));
        g_clear_pointer (&recovered, g_ptr_array_unref);
        assert_index (dir, FALSE, 1);
      }
  }

  /* A folder where the index should be */
  {
    g_autofree char *index_path = g_build_filename (dir, PW_DRAFTS_INDEX_NAME, NULL);

    g_assert_cmpint (g_unlink (broken), ==, 0);
    g_assert_cmpint (g_unlink (index_path), ==, 0);
    g_assert_cmpint (g_mkdir (index_path, 0700), ==, 0);
    recovered = restart (dir, NULL);
    g_assert_cmpuint (recovered->len, ==, 1);
    g_assert_true (g_file_test (broken, G_FILE_TEST_IS_DIR));
    assert_index (dir, FALSE, 1);
  }
}

static void
test_hostile_wrong_types (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *good = draft_path (dir, "good");
  g_autofree char *bad_title = draft_path (dir, "bad-title");
  /* Whole-index problems: the index is moved aside, and the drafts on disk
   * are adopted as untitled ones. */
  const char *broken_indexes[] = {
    "[]",
    "\"phasewise-drafts\"",
    "null",
    "{\"format\": \"phasewise-workbook\", \"version\": 1, \"shutdown\": true, \"drafts\": []}",
    "{\"format\": 7, \"version\": 1, \"shutdown\": true, \"drafts\": []}",
    "{\"version\": 1, \"shutdown\": true, \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": \"1\", \"shutdown\": true, \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": 2, \"shutdown\": true, \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": 0, \"shutdown\": true, \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": 1.5, \"shutdown\": true, \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": 1, \"shutdown\": \"yes\", \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": 1, \"shutdown\": 1, \"drafts\": []}",
    "{\"format\": \"phasewise-drafts\", \"version\": 1, \"shutdown\": true, \"drafts\": {}}",
    "{\"format\": \"phasewise-drafts\", \"version\": 1, \"shutdown\": true, \"drafts\": null}",
    "{\"format\": \"phasewise-drafts\", \"version\": 1, \"shutdown\": true}",
  };
  /* Entry problems: a bad entry is skipped, a good one beside it kept; a
   * draft whose id is right but whose other members are wrong is kept with
   * defaults. */
  const char *entry_indexes[] = {
    "[1, \"good\", null, [], {}, {\"id\": \"good\"}]",
    "[{\"id\": 5}, {\"id\": \"good\"}]",
    "[{\"id\": null}, {\"id\": \"good\"}]",
    "[{\"id\": \"\"}, {\"id\": \"good\"}]",
    "[{\"id\": \"a b\"}, {\"id\": \"good\"}]",
    "[{\"id\": \"good\"}, {\"id\": \"good\", \"title\": \"twice\"}]",
    "[{\"id\": \"good\", \"title\": 5, \"uri\": 7, \"saved\": \"x\"}]",
    "[{\"id\": \"good\", \"title\": [], \"uri\": {}, \"saved\": -1}]",
    "[{\"id\": \"good\", \"uri\": \"not a uri\", \"saved\": 1.5}]",
    "[{\"id\": \"good\", \"uri\": \"\", \"saved\": 9223372036854775807}]",
    "[{\"id\": \"good\", \"uri\": \"file:///nonexistent/x.phasewise\", \"saved\": true}]",
    "[{\"id\": \"good\", \"unknown\": {\"deep\": [1, 2, 3]}}]",
  };
  g_autoptr(GPtrArray) recovered = NULL;

  write_text (good, "good contents");
  write_text (bad_title, "bad title contents");

  for (guint i = 0; i < G_N_ELEMENTS (broken_indexes); i++)
    {
      g_test_message ("Index %s", broken_indexes[i]);
      write_index (dir, broken_indexes[i]);
      recovered = restart (dir, NULL);
      g_assert_cmpuint (recovered->len, ==, 2);
      g_assert_nonnull (find_info (recovered, "good"));
      g_assert_nonnull (find_info (recovered, "bad-title"));
      g_clear_pointer (&recovered, g_ptr_array_unref);
    }

  for (guint i = 0; i < G_N_ELEMENTS (entry_indexes); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"phasewise-drafts\", "
                                               "\"version\": 1, \"shutdown\": false, "
                                               "\"drafts\": %s}", entry_indexes[i]);
      PwDraftInfo *info;

      g_test_message ("Index %s", text);
      /* bad-title is not listed: recent, it is kept for the next start */
      write_index (dir, text);
      recovered = restart (dir, NULL);
      g_assert_cmpuint (recovered->len, ==, 1);
      info = find_info (recovered, "good");
      g_assert_nonnull (info);
      g_assert_nonnull (info->title);
      g_assert_cmpint (info->saved_unix, >=, 0);
      g_assert_true (info->uri == NULL || g_uri_is_valid (info->uri, G_URI_FLAGS_NONE, NULL));
      g_assert_false (info->older_than_file);
      g_clear_pointer (&recovered, g_ptr_array_unref);
      g_assert_true (g_file_test (bad_title, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_hostile_outside (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *outside = g_build_filename (g_get_user_data_dir (), "secret.phasewise", NULL);
  g_autofree char *link = draft_path (dir, "link");
  g_autofree char *fifo = draft_path (dir, "fifo");
  g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  write_text (outside, "outside the drafts folder");
  write_index (dir,
               "{\"format\": \"phasewise-drafts\", \"version\": 1, \"shutdown\": false, "
               "\"drafts\": ["
               "{\"id\": \"../secret\", \"title\": \"traversal\"},"
               "{\"id\": \"../../../../../../etc/passwd\"},"
               "{\"id\": \"/etc/passwd\"},"
               "{\"id\": \"..\"},"
               "{\"id\": \"link\", \"title\": \"a symbolic link\"},"
               "{\"id\": \"fifo\", \"title\": \"a pipe\"}"
               "]}");
  g_assert_cmpint (symlink (outside, link), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  recovered = begin_session (drafts);
  g_assert_cmpuint (recovered->len, ==, 0);

  /* Loading by a hostile id, or through a link or a pipe, fails. */
  bytes = pw_drafts_load (drafts, "../secret", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = pw_drafts_load (drafts, "link", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (bytes);
  g_clear_error (&error);

  bytes = pw_drafts_load (drafts, "fifo", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_null (bytes);
  g_clear_error (&error);

  /* Nothing outside was touched. */
  g_assert_true (g_file_test (outside, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
}

static void
test_hostile_too_many (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autoptr(GString) text = g_string_new ("{\"format\": \"phasewise-drafts\", \"version\": 1, "
                                          "\"shutdown\": false, \"drafts\": [");
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "%s{\"id\": \"d%u\", \"uri\": \"file:///tmp/d%u.phasewise\", "
                            "\"title\": \"Draft %u\", \"saved\": 1700000000}",
                            i ? "," : "", i, i, i);
  g_string_append (text, "]}");
  write_index (dir, text->str);

  /* Files for the first 150: 100 are read, 50 are beyond the limit but
   * must not be deleted on the word of a truncated index. */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autofree char *path = draft_path (dir, id);

      write_text (path, id);
      set_mtime (path, -3600);
    }

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    start = g_get_monotonic_time ();
    recovered = begin_session (drafts);
    g_test_message ("begin_session with 10,000 drafts listed: %.1f ms",
                    (g_get_monotonic_time () - start) / 1e3);
    g_assert_cmpuint (recovered->len, ==, PW_DRAFTS_MAX_DRAFTS);
    for (guint i = 0; i < PW_DRAFTS_MAX_DRAFTS; i++)
      {
        g_autofree char *id = g_strdup_printf ("d%u", i);

        g_assert_nonnull (find_info (recovered, id));
        assert_draft_bytes (drafts, id, id);
      }
    assert_index (dir, FALSE, PW_DRAFTS_MAX_DRAFTS);

    /* A 101st draft is refused, not written to be lost later */
    {
      g_autoptr(GBytes) bytes = bytes_from_string ("one too many");

      g_assert_false (pw_drafts_save (drafts, "extra", NULL, "Extra", bytes, &error));
      g_assert_error (error, PW_ERROR, PW_ERROR_TOO_LARGE);
      g_clear_error (&error);
    }
  }

  for (guint i = 100; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autofree char *path = draft_path (dir, id);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_hostile_deep (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *good = draft_path (dir, "good");
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"phasewise-drafts\", \"version\": 1, "
                                          "\"shutdown\": false, \"drafts\": [");

  write_text (good, "good");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  write_index (dir, text->str);
  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_clear_pointer (&recovered, g_ptr_array_unref);

  /* Larger than an index can be: 5 MB of valid JSON */
  g_string_assign (text, "{\"format\": \"phasewise-drafts\", \"version\": 1, "
                   "\"shutdown\": false, \"drafts\": [{\"id\": \"good\", \"title\": \"");
  for (guint i = 0; i < 5 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"}]}");
  write_index (dir, text->str);
  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_cmpstr (find_info (recovered, "good")->title, ==, "");
}

/* ------------------------------------------------------------------------
 * Orphans and changed documents
 */

static void
test_orphans (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *listed = draft_path (dir, "listed");
  g_autofree char *old_orphan = draft_path (dir, "old-orphan");
  g_autofree char *new_orphan = draft_path (dir, "new-orphan");
  g_autofree char *old_temp_index = g_build_filename (dir, "index.json.Ab12Cd", NULL);
  g_autofree char *old_temp_draft = g_build_filename (dir, "listed.phasewise.Xy34Zw", NULL);
  g_autofree char *new_temp_draft = g_build_filename (dir, "listed.phasewise.Qq56Rr", NULL);
  g_autofree char *unrelated = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *odd = g_build_filename (dir, "not valid.phasewise", NULL);
  g_autoptr(GPtrArray) recovered = NULL;

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    recovered = begin_session (drafts);
    g_clear_pointer (&recovered, g_ptr_array_unref);
    save_text (drafts, "listed", NULL, "Listed", "listed contents");
  }
  set_mtime (listed, -3600);

  write_text (old_orphan, "left over");
  set_mtime (old_orphan, -120);
  write_text (new_orphan, "just written by another instance");
  set_mtime (new_orphan, -10);
  write_text (old_temp_index, "{");
  set_mtime (old_temp_index, -120);
  write_text (old_temp_draft, "half");
  set_mtime (old_temp_draft, -120);
  write_text (new_temp_draft, "half");
  write_text (unrelated, "not ours");
  set_mtime (unrelated, -3600);
  write_text (odd, "not ours either");
  set_mtime (odd, -3600);

  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_nonnull (find_info (recovered, "listed"));

  g_assert_true (g_file_test (listed, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (old_orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_orphan, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (old_temp_index, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_temp_draft, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_temp_draft, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (odd, G_FILE_TEST_IS_REGULAR));

  /* Saving without a session never deletes anything. */
  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    set_mtime (new_orphan, -120);
    save_text (drafts, "listed", NULL, "Listed", "listed again");
    g_assert_true (g_file_test (new_orphan, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_older_than_file (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *newer_path = g_build_filename (g_get_user_data_dir (), "newer.phasewise", NULL);
  g_autofree char *older_path = g_build_filename (g_get_user_data_dir (), "older.phasewise", NULL);
  g_autofree char *gone_path = g_build_filename (g_get_user_data_dir (), "gone.phasewise", NULL);
  g_autoptr(GFile) newer = g_file_new_for_path (newer_path);
  g_autoptr(GFile) older = g_file_new_for_path (older_path);
  g_autoptr(GFile) gone = g_file_new_for_path (gone_path);
  g_autoptr(GPtrArray) recovered = NULL;

  write_text (newer_path, "saved");
  write_text (older_path, "saved");

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    recovered = begin_session (drafts);
    g_clear_pointer (&recovered, g_ptr_array_unref);
    save_text (drafts, "newer", newer, "newer.phasewise", "draft");
    save_text (drafts, "older", older, "older.phasewise", "draft");
    save_text (drafts, "gone", gone, "gone.phasewise", "draft");
    save_text (drafts, "untitled", NULL, "Untitled", "draft");
  }

  /* Saved (by another instance, or copied over) after the draft was written */
  set_mtime (newer_path, 3600);
  set_mtime (older_path, -3600);

  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 4);
  g_assert_true (find_info (recovered, "newer")->older_than_file);
  g_assert_false (find_info (recovered, "older")->older_than_file);
  g_assert_false (find_info (recovered, "gone")->older_than_file);
  g_assert_false (find_info (recovered, "untitled")->older_than_file);
}

/* ------------------------------------------------------------------------
 * kill -9 while drafts are written
 */

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

/* Reads the child's reports until it is gone: a digit k for each completed
 * save of draft k. */
static void
read_reports (int       fd,
              gboolean *completed,
              guint    *n_saves)
{
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
        {
          if (buffer[i] >= '0' && buffer[i] < '0' + N_LOOP_IDS)
            {
              completed[buffer[i] - '0'] = TRUE;
              (*n_saves)++;
            }
        }
    }
}

/* See test-save.c: children go back to the fast unwinder under ASan. */
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

static GPid
spawn_loop (const char  *dir,
            const char  *a_path,
            const char  *b_path,
            int         *out_fd)
{
  const char *argv[] = { self_exe, "--pw-helper", "loop", dir, a_path, b_path, NULL };
  g_auto(GStrv) env = child_environment ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, out_fd, NULL, &error);
  g_assert_no_error (error);
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
    g_error ("The child writing drafts ended by itself (status %d)", status);
  g_spawn_close_pid (pid);
}

static GBytes *
serialize_with_name (PwWorkbook *workbook,
                     const char *name)
{
  pw_workbook_set_name (workbook, name);

  return pw_workbook_serialize (workbook);
}

static void
test_kill_9 (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *example = get_example_path ();
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autofree char *a_path = g_build_filename (g_get_user_data_dir (), "a.phasewise", NULL);
  g_autofree char *b_path = g_build_filename (g_get_user_data_dir (), "b.phasewise", NULL);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) version_a = NULL;
  g_autoptr(GBytes) version_b = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xdeadbeef);
  g_autoptr(GHashTable) loaded_contents = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                                 (GDestroyNotify) g_bytes_unref,
                                                                 NULL);
  g_autoptr(GError) error = NULL;
  gboolean must_exist[N_LOOP_IDS] = { FALSE };
  guint iterations = quick ? 30 : 200;
  guint n_saves = 0, n_recovered = 0, n_a = 0, n_b = 0;
  gint64 start = g_get_monotonic_time ();

  workbook = pw_workbook_load (example_file, NULL, &error);
  g_assert_no_error (error);
  version_a = serialize_with_name (workbook, WORKBOOK_A);
  version_b = serialize_with_name (workbook, WORKBOOK_B);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_file_set_contents (a_path, g_bytes_get_data (version_a, NULL),
                       (gssize) g_bytes_get_size (version_a), &error);
  g_assert_no_error (error);
  g_file_set_contents (b_path, g_bytes_get_data (version_b, NULL),
                       (gssize) g_bytes_get_size (version_b), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(PwDrafts) drafts = NULL;
      g_autoptr(GPtrArray) recovered = NULL;
      int out_fd = -1;
      GPid pid;

      pid = spawn_loop (dir, a_path, b_path, &out_fd);
      g_usleep ((gulong) g_rand_int_range (rand, 0, i % 2 ? 60000 : 8000));
      kill_child (pid);
      read_reports (out_fd, must_exist, &n_saves);
      close (out_fd);

      /* The next start finds every draft whose save completed, complete. */
      drafts = pw_drafts_new (dir);
      recovered = begin_session (drafts);
      g_assert_true (pw_drafts_get_crashed (drafts));

      for (guint k = 0; k < N_LOOP_IDS; k++)
        {
          g_autofree char *id = g_strdup_printf ("draft-%u", k);

          if (must_exist[k] && find_info (recovered, id) == NULL)
            g_error ("After kill %u, draft %s was saved but is not recovered", i, id);
        }

      for (guint j = 0; j < recovered->len; j++)
        {
          PwDraftInfo *info = g_ptr_array_index (recovered, j);
          g_autoptr(GBytes) bytes = pw_drafts_load (drafts, info->id, &error);
          g_autoptr(PwWorkbook) loaded = NULL;

          g_assert_no_error (error);
          if (g_bytes_equal (bytes, version_a))
            n_a++;
          else if (g_bytes_equal (bytes, version_b))
            n_b++;
          else
            g_error ("After kill %u, draft %s is neither version (%" G_GSIZE_FORMAT " bytes)",
                     i, info->id, g_bytes_get_size (bytes));
          g_assert_true (g_str_has_prefix (info->title, "Draft "));

          /* Workbook bytes load as a workbook.  Equal bytes load the same:
           * each distinct content is loaded once (the loader is slow under
           * ASan with the slow unwinder). */
          if (!g_hash_table_contains (loaded_contents, bytes))
            {
              loaded = pw_workbook_load_from_bytes (bytes, &error);
              g_assert_no_error (error);
              g_assert_nonnull (loaded);
              g_assert_cmpstr (pw_workbook_get_name (loaded), ==,
                               g_bytes_equal (bytes, version_a) ? WORKBOOK_A : WORKBOOK_B);
              g_hash_table_add (loaded_contents, g_bytes_ref (bytes));
            }
          n_recovered++;
        }
    }

  g_test_message ("%u kills in %.1f s; the children completed %u draft saves; %u drafts "
                  "recovered in all (version A %u, B %u)", iterations,
                  (g_get_monotonic_time () - start) / 1e6, n_saves, n_recovered, n_a, n_b);

  for (guint k = 0; k < N_LOOP_IDS; k++)
    g_assert_true (must_exist[k]);
  g_assert_cmpuint (n_a, >, 0);
  g_assert_cmpuint (n_b, >, 0);
  g_assert_cmpuint (g_hash_table_size (loaded_contents), ==, 2);
}

/* Saves drafts for ever: draft-0 (untitled), draft-1 and draft-2 (with a
 * file) in turn, each version A and B alternately, half synchronously and
 * half through pw_drafts_save_async(); plus a draft saved and removed
 * again.  Writes the digit of each draft whose save completed. */
static void
helper_save_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!pw_drafts_save_finish (PW_DRAFTS (object), result, &error))
    g_error ("Async save failed: %s", error->message);
  *done = TRUE;
}

static int
helper_loop (int    argc,
             char **argv)
{
  g_autoptr(PwDrafts) drafts = NULL;
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) doc = NULL;
  g_autoptr(GBytes) version_a = NULL;
  g_autoptr(GBytes) version_b = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_length = 0, b_length = 0;

  if (argc != 3)
    return 2;

  if (!g_file_get_contents (argv[1], &a, &a_length, &error)
      || !g_file_get_contents (argv[2], &b, &b_length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  version_a = g_bytes_new_take (g_steal_pointer (&a), a_length);
  version_b = g_bytes_new_take (g_steal_pointer (&b), b_length);
  doc = g_file_new_for_path (argv[1]);

  drafts = pw_drafts_new (argv[0]);
  if (!pw_drafts_begin_session (drafts, &recovered, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 2;

  for (guint i = 0;; i++)
    {
      guint k = i % N_LOOP_IDS;
      g_autofree char *id = g_strdup_printf ("draft-%u", k);
      g_autofree char *title = g_strdup_printf ("Draft %u", k);
      GBytes *contents = (i / N_LOOP_IDS) % 2 ? version_b : version_a;
      char report = (char) ('0' + k);

      if (i % 2)
        {
          gboolean done = FALSE;

          pw_drafts_save_async (drafts, id, k ? doc : NULL, title, contents, NULL,
                                helper_save_done_cb, &done);
          while (!done)
            g_main_context_iteration (NULL, TRUE);
        }
      else if (!pw_drafts_save (drafts, id, k ? doc : NULL, title, contents, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      if (write (STDOUT_FILENO, &report, 1) != 1)
        return 2;

      if (k == 0)
        {
          if (!pw_drafts_save (drafts, "draft-temporary", NULL, "Draft temporary", contents,
                               &error)
              || !pw_drafts_remove (drafts, "draft-temporary", &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
        }
    }
}

static int
helper_main (int    argc,
             char **argv)
{
  if (g_str_equal (argv[0], "loop"))
    return helper_loop (argc - 1, argv + 1);

  g_printerr ("Unknown helper mode %s\n", argv[0]);
  return 2;
}

/* ------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  const char *quick_env;
  int result;

  if (argc >= 3 && g_str_equal (argv[1], "--pw-helper"))
    return helper_main (argc - 2, argv + 2);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe == NULL)
    self_exe = g_canonicalize_filename (argv[0], NULL);
  quick_env = g_getenv ("PW_TEST_QUICK");
  quick = quick_env != NULL && *quick_env != '\0' && !g_str_equal (quick_env, "0");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/phasewise/drafts/save-load-remove", test_save_load_remove);
  g_test_add_func ("/phasewise/drafts/default-directory", test_default_directory);
  g_test_add_func ("/phasewise/drafts/crash", test_crash);
  g_test_add_func ("/phasewise/drafts/clean-shutdown", test_clean_shutdown);
  g_test_add_func ("/phasewise/drafts/before-session", test_before_session);
  g_test_add_func ("/phasewise/drafts/long-title", test_long_title);
  g_test_add_func ("/phasewise/drafts/async/order", test_async_order);
  g_test_add_func ("/phasewise/drafts/async/many", test_async_many);
  g_test_add_func ("/phasewise/drafts/hostile/not-json", test_hostile_not_json);
  g_test_add_func ("/phasewise/drafts/hostile/wrong-types", test_hostile_wrong_types);
  g_test_add_func ("/phasewise/drafts/hostile/outside", test_hostile_outside);
  g_test_add_func ("/phasewise/drafts/hostile/too-many", test_hostile_too_many);
  g_test_add_func ("/phasewise/drafts/hostile/deep", test_hostile_deep);
  g_test_add_func ("/phasewise/drafts/orphans", test_orphans);
  g_test_add_func ("/phasewise/drafts/older-than-file", test_older_than_file);
  g_test_add_func ("/phasewise/drafts/kill-9", test_kill_9);

  result = g_test_run ();
  g_free (self_exe);

  return result;
}
