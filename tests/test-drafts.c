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
 * Environment: PW_TEST_QUICK=1 (set by `meson test --setup=valgrind` and
 * the sanitizer run of tools/test.sh) runs 30 random kills instead of 200;
 * `-m slow` (g_test_slow()) runs 2,000.
 *
 * The kill-9 case runs this same binary as `test-drafts --pw-helper loop
 * DIR A B FIRST STOP` (see helper_loop()).
 */

#define G_LOG_DOMAIN "test-drafts"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "phasewise-core.h"
#include "pw-drafts.h"
#include "pw-test-utils.h"

#define WORKBOOK_A "Larkspur Outdoor Equipment (A)"
#define WORKBOOK_B "Larkspur Outdoor Equipment — version B"
#define N_LOOP_IDS 3

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
write_index (const char *dir,
             const char *text)
{
  g_autofree char *path = g_build_filename (dir, PW_DRAFTS_INDEX_NAME, NULL);

  pw_test_write_text (path, text);
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

  g_assert_true (pw_drafts_save (drafts, id, file, NULL, title, bytes, &error));
  g_assert_no_error (error);
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
  pw_test_write_text (doc_path, "saved long ago");
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
  g_assert_null (info->file_checksum);

  info = find_info (recovered, titled);
  g_assert_nonnull (info);
  g_assert_cmpstr (info->uri, ==, doc_uri);
  g_assert_cmpstr (info->title, ==, "report.phasewise");
  g_assert_null (info->file_checksum);

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
  pw_drafts_save_async (drafts, id, NULL, NULL, id, bytes, NULL, save_done_cb, state);
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
  pw_test_write_text (kept, "precious unsaved answers");
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

  pw_test_write_text (good, "good contents");
  pw_test_write_text (bad_title, "bad title contents");

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
      g_assert_true (info->file_checksum == NULL
                     || g_utf8_strlen (info->file_checksum, -1) <= 128);
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

  pw_test_write_text (outside, "outside the drafts folder");
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

      pw_test_write_text (path, id);
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

      g_assert_false (pw_drafts_save (drafts, "extra", NULL, NULL, "Extra", bytes, &error));
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

  pw_test_write_text (good, "good");

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

  pw_test_write_text (old_orphan, "left over");
  set_mtime (old_orphan, -120);
  pw_test_write_text (new_orphan, "just written by another instance");
  set_mtime (new_orphan, -10);
  pw_test_write_text (old_temp_index, "{");
  set_mtime (old_temp_index, -120);
  pw_test_write_text (old_temp_draft, "half");
  set_mtime (old_temp_draft, -120);
  pw_test_write_text (new_temp_draft, "half");
  pw_test_write_text (unrelated, "not ours");
  set_mtime (unrelated, -3600);
  pw_test_write_text (odd, "not ours either");
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

/* What a document's file held when its changes began comes back with the
 * draft, whatever happens to the file's modification time meanwhile; an
 * untitled document has none, and a damaged one is dropped, not trusted. */
static void
test_file_checksum (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *doc_path = g_build_filename (g_get_user_data_dir (), "doc.phasewise", NULL);
  g_autofree char *index_path = g_build_filename (dir, "index.json", NULL);
  g_autoptr(GFile) doc = g_file_new_for_path (doc_path);
  g_autoptr(GBytes) bytes = bytes_from_string ("draft");
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  char *at;

  {
    g_autoptr(PwDrafts) drafts = pw_drafts_new (dir);

    recovered = begin_session (drafts);
    g_clear_pointer (&recovered, g_ptr_array_unref);
    g_assert_true (pw_drafts_save (drafts, "titled", doc, "1111", "doc.phasewise", bytes, &error));
    g_assert_true (pw_drafts_save (drafts, "untitled", NULL, "2222", "Untitled", bytes, &error));
    g_assert_true (pw_drafts_save (drafts, "unknown", doc, NULL, "doc.phasewise", bytes, &error));
    /* Saved again after the file was: the newer checksum counts */
    g_assert_true (pw_drafts_save (drafts, "titled", doc, "3333", "doc.phasewise", bytes, &error));
    g_assert_no_error (error);
  }

  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 3);
  g_assert_cmpstr (find_info (recovered, "titled")->file_checksum, ==, "3333");
  g_assert_null (find_info (recovered, "untitled")->file_checksum);
  g_assert_null (find_info (recovered, "unknown")->file_checksum);
  g_clear_pointer (&recovered, g_ptr_array_unref);

  /* A checksum that is not a string is dropped; the draft stays */
  g_assert_true (g_file_get_contents (index_path, &index, NULL, &error));
  g_assert_no_error (error);
  at = strstr (index, "\"3333\"");
  g_assert_nonnull (at);
  memcpy (at, " 3333 ", 6);
  pw_test_write_text (index_path, index);

  recovered = restart (dir, NULL);
  g_assert_cmpuint (recovered->len, ==, 3);
  g_assert_null (find_info (recovered, "titled")->file_checksum);
}

/* ------------------------------------------------------------------------
 * kill -9 while drafts are written
 */

/* The two versions the child writes: 'a' and 'b' in its reports */
#define N_VERSIONS 2

/* The version of the child's save number @n (from 0): the drafts in turn,
 * each round with the other version, the first round with @first. */
static guint
loop_version (guint first,
              guint n)
{
  return (first + n / N_LOOP_IDS) % N_VERSIONS;
}

static GPid
spawn_loop (const char *dir,
            const char *a_path,
            const char *b_path,
            guint       first,
            gboolean    stop,
            int        *out_fd)
{
  const char * const args[] = {
    "loop", dir, a_path, b_path, first ? "b" : "a", stop ? "stop" : "go", NULL
  };
  GPid pid = pw_test_spawn_helper (args, out_fd);

  g_assert_true (pw_test_wait_for_byte (*out_fd, 'R', NULL));

  return pid;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Microseconds one round of the loop (a save of each draft) takes in a
 * child: the median of five rounds, in a folder of its own, so that one
 * stall of the disk does not stretch every kill window */
static gint64
measure_round_time (const char *a_path,
                    const char *b_path)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "drafts-measured", NULL);
  gint64 rounds[5];
  int out_fd = -1;
  GPid pid = spawn_loop (dir, a_path, b_path, 0, FALSE, &out_fd);
  gint64 start;

  for (guint n = 0; n < 2 * N_LOOP_IDS; n++)
    g_assert_cmpint (pw_test_read_byte (out_fd), >=, '0');
  start = g_get_monotonic_time ();
  for (guint r = 0; r < G_N_ELEMENTS (rounds); r++)
    {
      gint64 end;

      for (guint n = 0; n < 2 * N_LOOP_IDS; n++)
        g_assert_cmpint (pw_test_read_byte (out_fd), >=, '0');
      end = g_get_monotonic_time ();
      rounds[r] = end - start;
      start = end;
    }
  pw_test_kill_child (pid);
  close (out_fd);
  pw_test_remove_tree (dir);

  qsort (rounds, G_N_ELEMENTS (rounds), sizeof rounds[0], compare_times);

  return rounds[G_N_ELEMENTS (rounds) / 2];
}

static GBytes *
serialize_with_name (PwWorkbook *workbook,
                     const char *name)
{
  pw_workbook_set_name (workbook, name);

  return pw_workbook_serialize (workbook);
}

/* RELIABILITY case 7 under SIGKILL.  A child writes drafts in a loop
 * (helper_loop()) and is killed; the next start must find every draft whose
 * save the child reported complete, complete and loadable: for each draft,
 * the version of its last reported save or, for the one draft the child
 * was writing, the version it was writing.  Never a mixture, never an
 * older version, never gone.
 *
 * The first kills come when the child has saved each draft once and
 * waits: the drafts are then exactly what was saved, first version A, then
 * version B, so both versions are recovered whatever the scheduler does.
 * Then the kills come at random moments after the child has started its
 * session: half of them in its first 8 ms, the other half anywhere in its
 * first two rounds as measured on this machine (a few milliseconds on a
 * quiet one, where each save goes through fsync), but no later than 60 ms:
 * on a loaded machine that is still within the first round. */
static void
test_kill_9 (void)
{
  g_autofree char *dir = make_drafts_dir ();
  g_autofree char *example = pw_test_example_path ();
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autofree char *a_path = g_build_filename (g_get_user_data_dir (), "a.phasewise", NULL);
  g_autofree char *b_path = g_build_filename (g_get_user_data_dir (), "b.phasewise", NULL);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GBytes) version_a = NULL;
  g_autoptr(GBytes) version_b = NULL;
  GBytes *versions[N_VERSIONS];
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xdeadbeef);
  g_autoptr(GHashTable) loaded_contents = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                                 (GDestroyNotify) g_bytes_unref,
                                                                 NULL);
  g_autoptr(GError) error = NULL;
  /* The version of each draft on disk: of its last reported save, or of
   * the save that was cut short but had already replaced the draft; -1 for
   * none yet */
  int last[N_LOOP_IDS] = { -1, -1, -1 };
  guint at_rest = N_VERSIONS;
  guint iterations = at_rest + (quick ? 30 : g_test_slow () ? 2000 : 200);
  guint n_saves = 0, n_recovered = 0, n_in_flight = 0;
  guint seen[N_VERSIONS] = { 0 };
  gint64 round_time, long_range, start;

  G_STATIC_ASSERT (N_LOOP_IDS == 3);

  workbook = pw_workbook_load (example_file, NULL, &error);
  g_assert_no_error (error);
  version_a = serialize_with_name (workbook, WORKBOOK_A);
  version_b = serialize_with_name (workbook, WORKBOOK_B);
  versions[0] = version_a;
  versions[1] = version_b;
  pw_test_write_bytes (a_path, version_a);
  pw_test_write_bytes (b_path, version_b);

  round_time = measure_round_time (a_path, b_path);
  long_range = CLAMP (2 * round_time, 8000, 60000);
  g_test_message ("One round of saves takes %.1f ms here; kills come 0–8 ms or 0–%.1f ms after "
                  "the child is ready", round_time / 1e3, long_range / 1e3);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < iterations; i++)
    {
      gboolean resting = i < at_rest;
      guint first = i % N_VERSIONS;
      g_autoptr(PwDrafts) drafts = NULL;
      g_autoptr(GPtrArray) recovered = NULL;
      g_autoptr(GString) reports = g_string_new (NULL);
      g_autoptr(GString) rest = NULL;
      guint n_reports, in_flight_id;
      int in_flight_version;
      int out_fd = -1;
      GPid pid;

      pid = spawn_loop (dir, a_path, b_path, first, resting, &out_fd);
      if (resting)
        g_assert_true (pw_test_wait_for_byte (out_fd, 'W', reports));
      else
        g_usleep ((gulong) g_rand_int_range (rand, 0, (gint32) (i % 2 ? long_range : 8000) + 1));
      pw_test_kill_child (pid);
      rest = pw_test_read_to_end (out_fd);
      close (out_fd);
      g_string_append_len (reports, rest->str, (gssize) rest->len);

      /* The reports: the draft's digit and the version's letter for each
       * completed save, in the child's order. */
      n_reports = (guint) reports->len / 2;
      for (guint n = 0; n < n_reports; n++)
        {
          guint k = n % N_LOOP_IDS;
          guint v = loop_version (first, n);

          if (reports->str[2 * n] != (char) ('0' + k)
              || reports->str[2 * n + 1] != (char) ('a' + v))
            g_error ("After kill %u, the child reported “%s”", i, reports->str);
          last[k] = (int) v;
        }
      n_saves += n_reports;

      /* The save the child was at when it was killed, if it was at work */
      in_flight_id = n_reports % N_LOOP_IDS;
      in_flight_version = resting ? -1 : (int) loop_version (first, n_reports);

      /* The next start finds every draft whose save completed, complete,
       * at its last reported version or the version being written. */
      drafts = pw_drafts_new (dir);
      recovered = begin_session (drafts);
      g_assert_true (pw_drafts_get_crashed (drafts));

      for (guint k = 0; k < N_LOOP_IDS; k++)
        {
          g_autofree char *id = g_strdup_printf ("draft-%u", k);
          int writing = k == in_flight_id ? in_flight_version : -1;
          g_autoptr(GBytes) bytes = NULL;
          int found = -1;

          if (find_info (recovered, id) == NULL)
            {
              if (last[k] >= 0)
                g_error ("After kill %u, draft %s was saved but is not recovered", i, id);
              continue;
            }

          bytes = pw_drafts_load (drafts, id, &error);
          g_assert_no_error (error);
          for (guint v = 0; v < N_VERSIONS; v++)
            {
              if (g_bytes_equal (bytes, versions[v]))
                found = (int) v;
            }
          if (found < 0 || (found != last[k] && found != writing))
            g_error ("After kill %u, draft %s holds %s (%" G_GSIZE_FORMAT " bytes), but its last "
                     "save was version %c%s", i, id,
                     found < 0 ? "neither version" : found ? "version b" : "version a",
                     g_bytes_get_size (bytes), last[k] < 0 ? '-' : 'a' + last[k],
                     writing < 0 ? "" : writing ? " and version b was being written"
                                                : " and version a was being written");
          n_in_flight += found != last[k];
          seen[found]++;
          /* What the next kill must find, unless that child saves it again */
          last[k] = found;
        }

      /* Every draft found (also the one saved and removed again) is one of
       * the versions, and loads as a workbook. */
      for (guint j = 0; j < recovered->len; j++)
        {
          PwDraftInfo *info = g_ptr_array_index (recovered, j);
          g_autoptr(GBytes) bytes = pw_drafts_load (drafts, info->id, &error);

          g_assert_no_error (error);
          if (!g_bytes_equal (bytes, version_a) && !g_bytes_equal (bytes, version_b))
            g_error ("After kill %u, draft %s is neither version (%" G_GSIZE_FORMAT " bytes)",
                     i, info->id, g_bytes_get_size (bytes));
          g_assert_true (g_str_has_prefix (info->title, "Draft "));

          /* Equal bytes load the same: each distinct content is loaded once
           * (the loader is slow under ASan with the slow unwinder). */
          if (!g_hash_table_contains (loaded_contents, bytes))
            {
              g_autoptr(PwWorkbook) loaded = pw_workbook_load_from_bytes (bytes, &error);

              g_assert_no_error (error);
              g_assert_nonnull (loaded);
              g_assert_cmpstr (pw_workbook_get_name (loaded), ==,
                               g_bytes_equal (bytes, version_a) ? WORKBOOK_A : WORKBOOK_B);
              g_hash_table_add (loaded_contents, g_bytes_ref (bytes));
            }
          n_recovered++;
        }
    }

  g_test_message ("%u kills in %.1f s (%u of them at rest); the children completed %u draft "
                  "saves; %u drafts recovered in all; the drafts of the loop were version A "
                  "%u times, B %u times, %u times the version being written",
                  iterations, (g_get_monotonic_time () - start) / 1e6, at_rest, n_saves,
                  n_recovered, seen[0], seen[1], n_in_flight);

  /* The kills at rest recovered every draft in both versions. */
  for (guint k = 0; k < N_LOOP_IDS; k++)
    g_assert_cmpint (last[k], >=, 0);
  g_assert_cmpuint (seen[0], >=, N_LOOP_IDS);
  g_assert_cmpuint (seen[1], >=, N_LOOP_IDS);
  g_assert_cmpuint (g_hash_table_size (loaded_contents), ==, N_VERSIONS);
}

/* Saves drafts until it is killed: draft-0 (untitled), draft-1 and draft-2
 * (with a file) in turn, each round with the other version, the first
 * round with FIRST ("a" or "b"), half synchronously and half through
 * pw_drafts_save_async(); plus a draft saved and removed again after each
 * save of draft-0.  Writes "R" when its session has begun, then the digit of
 * the draft and the letter of the version after each completed save.  With
 * "stop", after one save of each draft it writes "W" and waits to be
 * killed. */
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
  GBytes *versions[N_VERSIONS];
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_length = 0, b_length = 0;
  guint first;
  gboolean stop;

  if (argc != 5 || strlen (argv[3]) != 1 || argv[3][0] < 'a' || argv[3][0] >= 'a' + N_VERSIONS)
    return 2;
  first = (guint) (argv[3][0] - 'a');
  stop = g_str_equal (argv[4], "stop");

  if (!g_file_get_contents (argv[1], &a, &a_length, &error)
      || !g_file_get_contents (argv[2], &b, &b_length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  version_a = g_bytes_new_take (g_steal_pointer (&a), a_length);
  version_b = g_bytes_new_take (g_steal_pointer (&b), b_length);
  versions[0] = version_a;
  versions[1] = version_b;
  doc = g_file_new_for_path (argv[1]);

  drafts = pw_drafts_new (argv[0]);
  if (!pw_drafts_begin_session (drafts, &recovered, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (write (STDOUT_FILENO, "R", 1) != 1)
    return 2;

  for (guint n = 0;; n++)
    {
      guint k = n % N_LOOP_IDS;
      guint v = loop_version (first, n);
      g_autofree char *id = g_strdup_printf ("draft-%u", k);
      g_autofree char *title = g_strdup_printf ("Draft %u", k);
      char report[2] = { (char) ('0' + k), (char) ('a' + v) };

      if (n % 2)
        {
          gboolean done = FALSE;

          pw_drafts_save_async (drafts, id, k ? doc : NULL, NULL, title, versions[v], NULL,
                                helper_save_done_cb, &done);
          while (!done)
            g_main_context_iteration (NULL, TRUE);
        }
      else if (!pw_drafts_save (drafts, id, k ? doc : NULL, NULL, title, versions[v], &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      if (write (STDOUT_FILENO, report, sizeof report) != sizeof report)
        return 2;

      if (k == 0)
        {
          if (!pw_drafts_save (drafts, "draft-temporary", NULL, NULL, "Draft temporary", versions[v],
                               &error)
              || !pw_drafts_remove (drafts, "draft-temporary", &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
        }

      if (stop && n + 1 == N_LOOP_IDS)
        {
          if (write (STDOUT_FILENO, "W", 1) != 1)
            return 2;
          for (;;)
            pause ();
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
  if (pw_test_is_helper (argc, argv))
    return helper_main (argc - 2, argv + 2);

  quick = pw_test_quick ();
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
  g_test_add_func ("/phasewise/drafts/file-checksum", test_file_checksum);
  g_test_add_func ("/phasewise/drafts/kill-9", test_kill_9);

  return g_test_run ();
}
