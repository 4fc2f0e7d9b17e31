/* test-document.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The document beneath a window: loading, saving, the conflict with
 * someone else's changes, reload, the watch on the file, drafts and their
 * restore, the title, the history, the session's list of documents.
 *
 *   /phasewise/document/untitled          titles without a file; location; not modified
 *   /phasewise/document/load              a file: title, location, unmodified, empty history
 *   /phasewise/document/load-broken       the error names the place; the document is kept
 *   /phasewise/document/save              save as, edit, save; the file holds the workbook
 *   /phasewise/document/conflict          someone else's change: refused, then overwritten
 *   /phasewise/document/reload            changes dropped, history emptied, draft deleted
 *   /phasewise/document/changed-on-disk   noticed for another writer, not for own saves
 *   /phasewise/document/edit-during-save  an edit while writing keeps it modified
 *   /phasewise/document/busy              a synchronous save during an asynchronous one
 *   /phasewise/document/autosave          a draft after the interval, deleted after a save
 *   /phasewise/document/draft-failed      a draft that cannot be written is reported once
 *   /phasewise/document/restore-draft     a crashed session's draft, and a newer file
 *   /phasewise/document/remote            files without a local path save through GIO
 *   /phasewise/document/remote-failure    a failed GIO write leaves the file as it was
 *   /phasewise/document/history           every edit undoable; reload empties it
 *   /phasewise/document/session           open documents found by their file
 */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <time.h>
#include <utime.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "pw-test-core.h"
#include "pw-file-writer-private.h"

/* ------------------------------------------------------------------------
 * Helpers
 */

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done is TRUE.  The loop sleeps between events:
 * it waits for what the test waits for, not for a time. */
static void
wait_for (gboolean   *done,
          const char *what)
{
  guint watchdog = g_timeout_add_seconds (pw_test_watchdog_seconds (60), watchdog_cb,
                                          (gpointer) what);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Call;

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->ok = pw_document_load_finish (PW_DOCUMENT (object), result, &call->error);
  call->done = TRUE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Call *call = user_data;

  call->ok = pw_document_save_finish (PW_DOCUMENT (object), result, &call->error);
  call->done = TRUE;
}

static gboolean
load (PwDocument  *document,
      GFile       *file,
      GError     **error)
{
  Call call = { 0 };

  pw_document_load_async (document, file, NULL, loaded_cb, &call);
  g_assert_true (pw_document_get_busy (document));
  wait_for (&call.done, "a load");
  g_assert_false (pw_document_get_busy (document));
  if (call.error != NULL)
    g_propagate_error (error, call.error);

  return call.ok;
}

static gboolean
save (PwDocument   *document,
      GFile        *file,
      PwSaveFlags   flags,
      GError      **error)
{
  Call call = { 0 };

  pw_document_save_async (document, file, flags, NULL, saved_cb, &call);
  wait_for (&call.done, "a save");
  if (call.error != NULL)
    g_propagate_error (error, call.error);

  return call.ok;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

typedef struct
{
  char      *dir;
  char      *path;
  GFile     *file;
  PwSession *session;
} Fixture;

/* A copy of the example in the test's private home folder, and a session
 * with its own drafts folder. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *example = pw_test_example_path ();
  g_autoptr(GBytes) bytes = read_bytes (example);
  g_autofree char *drafts_dir = NULL;
  g_autoptr(PwDrafts) drafts = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_build_filename (g_get_home_dir (), "workbooks", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "larkspur.phasewise", NULL);
  g_file_set_contents (fixture->path, g_bytes_get_data (bytes, NULL),
                       (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);

  drafts_dir = g_build_filename (g_get_user_data_dir (), "drafts", NULL);
  drafts = pw_drafts_new (drafts_dir);
  fixture->session = pw_session_new (NULL, drafts);
  g_assert_true (pw_session_begin (fixture->session, &error));
  g_assert_no_error (error);
  g_settings_set_uint (pw_session_get_settings (fixture->session), "autosave-interval", 1);
  g_settings_set_boolean (pw_session_get_settings (fixture->session), "autosave", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  guint watchdog = g_timeout_add_seconds (pw_test_watchdog_seconds (60), watchdog_cb,
                                          (gpointer) "the writes to finish");

  /* Drafts written or deleted in the background hold their document, and
   * it its session, until they are done. */
  while (g_atomic_int_get (&G_OBJECT (fixture->session)->ref_count) > 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);

  g_assert_finalize_object (fixture->session);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
  _pw_file_writer_set_force_gio (FALSE);
}

static PwDocument *
load_fixture (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PwDocument *document = pw_document_new (fixture->session);

  g_assert_true (load (document, fixture->file, &error));
  g_assert_no_error (error);

  return document;
}

static PwWorkbook *
new_workbook (void)
{
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = pw_framework_load_bundled (&error);
  g_assert_no_error (error);

  return pw_workbook_new (framework);
}

/* Changes an answer of the latest assessment. */
static void
edit (PwDocument *document,
      int         phase)
{
  GListModel *assessments = pw_workbook_get_assessments (pw_document_get_workbook (document));
  g_autoptr(PwAssessment) latest = NULL;

  latest = g_list_model_get_item (assessments, g_list_model_get_n_items (assessments) - 1);
  pw_answer_choose (pw_assessment_ensure_answer (latest, "tools-1"), phase);
}

static int
answer_of (PwDocument *document)
{
  GListModel *assessments = pw_workbook_get_assessments (pw_document_get_workbook (document));
  g_autoptr(PwAssessment) latest = NULL;

  latest = g_list_model_get_item (assessments, g_list_model_get_n_items (assessments) - 1);

  return pw_answer_get_phase (pw_assessment_ensure_answer (latest, "tools-1"));
}

/* ------------------------------------------------------------------------
 * Cases
 */

static void
test_untitled (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(PwDocument) example = NULL;

  document = pw_document_new_for_workbook (fixture->session, workbook, NULL);
  g_assert_true (pw_document_get_workbook (document) == workbook);
  g_assert_cmpstr (pw_document_get_title (document), ==, "Untitled Workbook");
  g_assert_null (pw_document_get_location (document));
  g_assert_null (pw_document_get_file (document));
  g_assert_false (pw_document_get_modified (document));

  /* The title follows the organization's name, and modified the workbook */
  pw_workbook_set_name (workbook, "Larkspur");
  g_assert_cmpstr (pw_document_get_title (document), ==, "Larkspur");
  g_assert_true (pw_document_get_modified (document));
  pw_workbook_set_name (workbook, "");
  g_assert_cmpstr (pw_document_get_title (document), ==, "Untitled Workbook");

  /* A name given to it stays until it is saved */
  example = pw_document_new_for_workbook (fixture->session, workbook, "Larkspur (Example)");
  pw_workbook_set_name (workbook, "Other");
  g_assert_cmpstr (pw_document_get_title (example), ==, "Larkspur (Example)");
}

static void
test_load (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  PwWorkbook *workbook = pw_document_get_workbook (document);

  g_assert_nonnull (workbook);
  g_assert_cmpstr (pw_workbook_get_name (workbook), ==, "Larkspur Outdoor Equipment");
  g_assert_true (g_file_equal (pw_document_get_file (document), fixture->file));
  g_assert_cmpstr (pw_document_get_title (document), ==, "larkspur.phasewise");
  /* The home folder is shown as ~ */
  g_assert_true (g_str_has_prefix (pw_document_get_location (document), "~/"));
  g_assert_true (g_str_has_suffix (pw_document_get_location (document), "/workbooks"));
  g_assert_false (pw_document_get_modified (document));
  g_assert_false (pw_document_get_changed_on_disk (document));
  g_assert_false (pw_history_get_can_undo (pw_document_get_history (document)));
  g_assert_null (pw_document_get_draft_id (document));
}

static void
test_load_broken (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.phasewise", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  PwWorkbook *workbook = pw_document_get_workbook (document);

  write_text (path, "{\n  \"format\": \"phasewise-workbook\",\n  \"format_version\": 1,,\n}\n");
  edit (document, 5);

  g_assert_false (load (document, broken, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "3:23"));

  /* Nothing of the document changed */
  g_assert_true (pw_document_get_workbook (document) == workbook);
  g_assert_true (g_file_equal (pw_document_get_file (document), fixture->file));
  g_assert_true (pw_document_get_modified (document));
  g_assert_cmpint (answer_of (document), ==, 5);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwWorkbook) workbook = new_workbook ();
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autoptr(GError) error = NULL;

  document = pw_document_new_for_workbook (fixture->session, workbook, NULL);
  pw_workbook_set_name (workbook, "Larkspur");
  pw_workbook_start_assessment (workbook, NULL);

  g_assert_true (save (document, file, PW_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pw_document_get_file (document), file));
  g_assert_cmpstr (pw_document_get_title (document), ==, "new.phasewise");
  g_assert_false (pw_document_get_modified (document));

  /* Save again, to its own file */
  edit (document, 2);
  g_assert_true (pw_document_get_modified (document));
  g_assert_true (save (document, NULL, PW_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_document_get_modified (document));

  on_disk = read_bytes (path);
  serialized = pw_workbook_serialize (workbook);
  g_assert_true (g_bytes_equal (on_disk, serialized));

  /* A folder in the way: an error that names the file, nothing changed */
  {
    g_autofree char *folder_path = g_build_filename (fixture->dir, "folder.phasewise", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

    g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
    edit (document, 3);
    g_assert_false (save (document, folder, PW_SAVE_NONE, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
    g_assert_nonnull (strstr (error->message, "folder.phasewise"));
    g_assert_true (g_file_equal (pw_document_get_file (document), file));
    g_assert_true (pw_document_get_modified (document));
  }
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone else's version, written with the same length */
  {
    g_autoptr(GBytes) mine = read_bytes (fixture->path);
    g_autofree char *text = g_strndup (g_bytes_get_data (mine, NULL), g_bytes_get_size (mine));
    char *name = strstr (text, "Larkspur");

    g_assert_nonnull (name);
    name[0] = 'M';
    write_text (fixture->path, text);
    theirs = read_bytes (fixture->path);
  }

  edit (document, 1);
  g_assert_false (save (document, NULL, PW_SAVE_NONE, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  g_clear_error (&error);
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (after, theirs));
  g_assert_true (pw_document_get_modified (document));

  g_assert_true (save (document, NULL, PW_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_document_get_modified (document));

  /* After overwriting, the next save is checked against the new contents */
  edit (document, 2);
  g_assert_true (save (document, NULL, PW_SAVE_NONE, &error));
  g_assert_no_error (error);
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  PwWorkbook *before = pw_document_get_workbook (document);
  int original = answer_of (document);
  Call call = { 0 };

  edit (document, original == 5 ? 4 : 5);
  pw_document_save_draft (document);
  g_assert_nonnull (pw_document_get_draft_id (document));
  g_assert_true (pw_history_get_can_undo (pw_document_get_history (document)));

  pw_document_reload_async (document, NULL, loaded_cb, &call);
  wait_for (&call.done, "a reload");
  g_assert_no_error (call.error);
  g_assert_true (call.ok);

  g_assert_true (pw_document_get_workbook (document) != before);
  g_assert_cmpint (answer_of (document), ==, original);
  g_assert_false (pw_document_get_modified (document));
  g_assert_false (pw_history_get_can_undo (pw_document_get_history (document)));
  g_assert_null (pw_document_get_draft_id (document));
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  gboolean noticed = FALSE;
  gboolean waited = FALSE;

  g_signal_connect (document, "notify::changed-on-disk", G_CALLBACK (notify_cb), &noticed);

  /* The document's own save is not someone else's change: nothing for
   * longer than the watch takes to look */
  edit (document, 2);
  g_assert_true (save (document, NULL, PW_SAVE_NONE, &error));
  g_assert_no_error (error);
  g_timeout_add (1500, set_flag_cb, &waited);
  wait_for (&waited, "the watch to look");
  g_assert_false (noticed);
  g_assert_false (pw_document_get_changed_on_disk (document));

  /* Another writer's change is */
  write_text (fixture->path, "{}");
  wait_for (&noticed, "the change on disk to be noticed");
  g_assert_true (pw_document_get_changed_on_disk (document));

  /* Saving over it (after asking) makes the document match the file again */
  g_assert_true (save (document, NULL, PW_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_false (pw_document_get_changed_on_disk (document));

  g_signal_handlers_disconnect_by_func (document, notify_cb, &noticed);
}

static void
test_edit_during_save (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GBytes) on_disk = NULL;
  Call call = { 0 };

  edit (document, 1);
  pw_document_save_async (document, NULL, PW_SAVE_NONE, NULL, saved_cb, &call);
  edit (document, 4);
  wait_for (&call.done, "a save");
  g_assert_no_error (call.error);

  /* The save wrote the state when it was asked for; the edit is unsaved */
  g_assert_true (pw_document_get_modified (document));
  on_disk = read_bytes (fixture->path);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorkbook) saved = pw_workbook_load_from_bytes (on_disk, &error);
    g_autoptr(PwAssessment) latest = NULL;
    GListModel *assessments;

    g_assert_no_error (error);
    assessments = pw_workbook_get_assessments (saved);
    latest = g_list_model_get_item (assessments, g_list_model_get_n_items (assessments) - 1);
    g_assert_cmpint (pw_answer_get_phase (pw_assessment_lookup_answer (latest, "tools-1")), ==, 1);
  }
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  Call call = { 0 };

  edit (document, 1);
  pw_document_save_async (document, NULL, PW_SAVE_NONE, NULL, saved_cb, &call);
  g_assert_true (pw_document_get_busy (document));
  g_assert_false (pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (pw_document_load (document, fixture->file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  wait_for (&call.done, "a save");
  g_assert_no_error (call.error);

  /* When idle, the synchronous calls work */
  edit (document, 3);
  g_clear_error (&error);
  g_assert_true (pw_document_save (document, NULL, PW_SAVE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (pw_document_get_modified (document));
  g_assert_true (pw_document_load (document, fixture->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (answer_of (document), ==, 3);
}

static char *
get_draft_path (PwSession  *session,
                const char *id)
{
  g_autofree char *name = g_strconcat (id, PW_DRAFTS_SUFFIX, NULL);

  return g_build_filename (pw_drafts_get_directory (pw_session_get_drafts (session)), name, NULL);
}

typedef struct
{
  char     *path;
  gboolean  exists;
  gboolean  done;
} FileWait;

static gboolean
poll_file_cb (gpointer user_data)
{
  FileWait *wait = user_data;

  if (g_file_test (wait->path, G_FILE_TEST_EXISTS) != wait->exists)
    return G_SOURCE_CONTINUE;

  wait->done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Waits until the file at @path exists, or is gone; the drafts are written
 * in a thread, so their files are looked at until they are there. */
static void
wait_for_file (const char *path,
               gboolean    exists)
{
  FileWait wait = { (char *) path, exists, FALSE };

  g_timeout_add (20, poll_file_cb, &wait);
  wait_for (&wait.done, exists ? "a file to be written" : "a file to be deleted");
}

static void
wait_for_draft (PwDocument *document)
{
  g_autofree char *path = NULL;

  g_assert_nonnull (pw_document_get_draft_id (document));
  path = get_draft_path (pw_document_get_session (document), pw_document_get_draft_id (document));
  wait_for_file (path, TRUE);
}

static void
wait_for_draft_id (PwDocument *document)
{
  gboolean done = pw_document_get_draft_id (document) != NULL;
  gulong handler = g_signal_connect (document, "notify::draft-id", G_CALLBACK (notify_cb), &done);

  wait_for (&done, "a draft to be started");
  g_signal_handler_disconnect (document, handler);
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  GSettings *settings = pw_session_get_settings (fixture->session);

  /* An edit: a draft within the interval, with the document's file */
  edit (document, 1);
  g_assert_null (pw_document_get_draft_id (document));
  wait_for_draft_id (document);
  wait_for_draft (document);
  listed = pw_drafts_list (pw_session_get_drafts (fixture->session));
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((PwDraftInfo *) g_ptr_array_index (listed, 0))->id, ==,
                   pw_document_get_draft_id (document));
  g_assert_cmpstr (((PwDraftInfo *) g_ptr_array_index (listed, 0))->title, ==,
                   "larkspur.phasewise");

  /* Saved: the draft goes */
  {
    g_autofree char *path = get_draft_path (fixture->session,
                                            pw_document_get_draft_id (document));

    g_assert_true (save (document, NULL, PW_SAVE_NONE, &error));
    g_assert_no_error (error);
    g_assert_null (pw_document_get_draft_id (document));
    wait_for_file (path, FALSE);
  }

  /* Autosave switched off while changes are unsaved: the draft goes too */
  edit (document, 2);
  wait_for_draft_id (document);
  wait_for_draft (document);
  {
    g_autofree char *path = get_draft_path (fixture->session,
                                            pw_document_get_draft_id (document));

    g_settings_set_boolean (settings, "autosave", FALSE);
    g_assert_null (pw_document_get_draft_id (document));
    wait_for_file (path, FALSE);
  }

  /* Off: no draft at all */
  edit (document, 3);
  pw_document_save_draft (document);
  g_assert_null (pw_document_get_draft_id (document));
}

typedef struct
{
  guint    count;
  gboolean failed;
} Failures;

static void
draft_failed_cb (PwDocument   *document,
                 const GError *error,
                 gpointer      user_data)
{
  Failures *failures = user_data;

  g_assert_nonnull (error);
  failures->count++;
  failures->failed = TRUE;
}

static void
test_draft_failed (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *blocked = g_build_filename (g_get_user_data_dir (), "blocked", NULL);
  g_autoptr(PwDrafts) drafts = NULL;
  g_autoptr(PwSession) session = NULL;
  g_autoptr(PwDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Failures failures = { 0, FALSE };

  /* A file where the drafts folder should be */
  write_text (blocked, "not a folder");
  drafts = pw_drafts_new (blocked);
  session = pw_session_new (pw_session_get_settings (fixture->session), drafts);
  document = pw_document_new (session);
  g_assert_true (load (document, fixture->file, &error));
  g_signal_connect (document, "draft-failed", G_CALLBACK (draft_failed_cb), &failures);

  edit (document, 1);
  pw_document_save_draft (document);
  wait_for (&failures.failed, "a draft to fail");

  /* Once, not at every attempt */
  edit (document, 2);
  pw_document_save_draft (document);
  edit (document, 3);
  pw_document_save_draft (document);
  {
    gboolean waited = FALSE;

    g_timeout_add (300, set_flag_cb, &waited);
    wait_for (&waited, "the drafts to fail");
  }
  g_assert_cmpuint (failures.count, ==, 1);
  g_signal_handlers_disconnect_by_func (document, draft_failed_cb, &failures);
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Call *call = user_data;

  call->ok = pw_document_restore_draft_finish (PW_DOCUMENT (object), result, &call->error);
  call->done = TRUE;
}

/* What a crash leaves, and what the next start makes of it.  With
 * @their_change, someone else rewrites the file after the crash and leaves
 * it an older modification time than the draft's (a copy with cp -p, a
 * sync client): only its contents tell. */
static PwDocument *
crash_and_restore (Fixture  *fixture,
                   gboolean  their_change)
{
  g_autofree char *drafts_dir = g_strdup (pw_drafts_get_directory (pw_session_get_drafts (fixture->session)));
  g_autoptr(PwDrafts) drafts = NULL;
  g_autoptr(PwSession) session = NULL;
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  PwDocument *restored;
  Call call = { 0 };

  {
    g_autoptr(PwDocument) document = load_fixture (fixture);

    edit (document, their_change ? 4 : 5);
    pw_workbook_set_name (pw_document_get_workbook (document),
                          their_change ? "Never saved either" : "Never saved");
    pw_document_save_draft (document);
    wait_for_draft (document);
    /* The window would now be gone without a word. */
    g_object_run_dispose (G_OBJECT (document));
  }

  if (their_change)
    {
      g_autoptr(GBytes) bytes = read_bytes (fixture->path);
      g_autofree char *theirs = g_strdup_printf ("%.*s\n", (int) g_bytes_get_size (bytes),
                                                 (const char *) g_bytes_get_data (bytes, NULL));
      struct utimbuf an_hour_ago;

      write_text (fixture->path, theirs);
      an_hour_ago.actime = an_hour_ago.modtime = time (NULL) - 3600;
      g_assert_cmpint (g_utime (fixture->path, &an_hour_ago), ==, 0);
    }

  drafts = pw_drafts_new (drafts_dir);
  session = pw_session_new (pw_session_get_settings (fixture->session), drafts);
  g_assert_true (pw_session_begin (session, &error));
  g_assert_no_error (error);
  recovered = pw_session_take_recovered (session);
  g_assert_nonnull (recovered);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_null (pw_session_take_recovered (session));
  /* The draft knows what the file held when its changes began */
  g_assert_nonnull (((PwDraftInfo *) g_ptr_array_index (recovered, 0))->file_checksum);

  restored = pw_document_new (session);
  pw_document_restore_draft_async (restored, g_ptr_array_index (recovered, 0), NULL,
                                   restored_cb, &call);
  wait_for (&call.done, "a restore");
  g_assert_no_error (call.error);
  g_assert_true (call.ok);
  g_assert_cmpint (pw_document_get_changed_on_disk (restored), ==, their_change);

  return restored;
}

static void
test_restore_draft (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PwDocument) restored = crash_and_restore (fixture, FALSE);

    g_assert_true (pw_document_get_modified (restored));
    g_assert_cmpint (answer_of (restored), ==, 5);
    g_assert_cmpstr (pw_workbook_get_name (pw_document_get_workbook (restored)), ==,
                     "Never saved");
    g_assert_true (g_file_equal (pw_document_get_file (restored), fixture->file));
    g_assert_cmpstr (pw_document_get_title (restored), ==, "larkspur.phasewise");
    g_assert_nonnull (pw_document_get_draft_id (restored));

    /* The file is as it was: saving goes back to it, and the draft goes */
    g_assert_true (save (restored, NULL, PW_SAVE_NONE, &error));
    g_assert_no_error (error);
    g_assert_null (pw_document_get_draft_id (restored));
  }

  /* The file changed after the draft's changes began: saving asks first */
  {
    g_autoptr(PwDocument) restored = crash_and_restore (fixture, TRUE);

    g_assert_true (pw_document_get_modified (restored));
    g_assert_false (save (restored, NULL, PW_SAVE_NONE, &error));
    g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
    g_clear_error (&error);
    g_assert_true (save (restored, NULL, PW_SAVE_OVERWRITE, &error));
    g_assert_no_error (error);
  }
}

static void
test_remote (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "remote.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PwDocument) document = load_fixture (fixture);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autoptr(GError) error = NULL;

  _pw_file_writer_set_force_gio (TRUE);

  /* A new file, then its own file again */
  g_assert_true (save (document, file, PW_SAVE_NONE, &error));
  g_assert_no_error (error);
  edit (document, 2);
  g_assert_true (save (document, NULL, PW_SAVE_NONE, &error));
  g_assert_no_error (error);
  on_disk = read_bytes (path);
  serialized = pw_workbook_serialize (pw_document_get_workbook (document));
  g_assert_true (g_bytes_equal (on_disk, serialized));

  /* Someone else's change is refused there too */
  write_text (path, "{}");
  edit (document, 3);
  g_assert_false (save (document, NULL, PW_SAVE_NONE, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_MODIFIED);
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = read_bytes (path);
  g_assert_cmpuint (g_bytes_get_size (on_disk), ==, 2);
}

/* The folder of the remote-failure case: outside the test's private
 * folders, which a child process removes when it ends. */
static char *
get_failure_dir (GPid parent)
{
  g_autofree char *name = g_strdup_printf ("phasewise-remote-failure-%d", (int) parent);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* In a child: a file-size limit makes the GIO write fail half way. */
static void
test_remote_failure (Fixture       *fixture,
                     gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = get_failure_dir (getppid ());
      g_autofree char *path = g_build_filename (dir, "doc.phasewise", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(PwDocument) document = pw_document_new (fixture->session);
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      g_assert_true (load (document, file, &error));
      g_assert_no_error (error);
      _pw_file_writer_set_force_gio (TRUE);
      edit (document, answer_of (document) == 1 ? 2 : 1);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (pw_document_save (document, NULL, PW_SAVE_NO_BACKUP, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (pw_document_get_modified (document));
      return;
    }

  {
    g_autofree char *dir = get_failure_dir (getpid ());
    g_autofree char *path = g_build_filename (dir, "doc.phasewise", NULL);
    g_autoptr(GBytes) before = read_bytes (fixture->path);
    g_autoptr(GBytes) after = NULL;
    g_autoptr(GDir) listing = NULL;
    g_autoptr(GError) error = NULL;
    const char *name;
    guint n_files = 0;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_file_set_contents (path, g_bytes_get_data (before, NULL), (gssize) g_bytes_get_size (before),
                         &error);
    g_assert_no_error (error);

    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();

    /* The file as it was, and no temporary file left beside it */
    after = read_bytes (path);
    g_assert_true (g_bytes_equal (before, after));
    listing = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (listing)) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 1);

    g_unlink (path);
    g_rmdir (dir);
  }
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(PwDocument) document = load_fixture (fixture);
  PwHistory *history = pw_document_get_history (document);
  int original = answer_of (document);
  Call call = { 0 };

  edit (document, original == 1 ? 2 : 1);
  pw_workbook_set_name (pw_document_get_workbook (document), "Renamed");
  g_assert_cmpuint (pw_history_get_n_undo (history), ==, 2);
  g_assert_cmpstr (pw_history_get_undo_label (history), ==, "Organization name");

  g_assert_true (pw_history_undo (history));
  g_assert_cmpstr (pw_workbook_get_name (pw_document_get_workbook (document)), ==,
                   "Larkspur Outdoor Equipment");
  g_assert_true (pw_history_undo (history));
  g_assert_cmpint (answer_of (document), ==, original);

  /* A reload starts a history of its own, on the same history object */
  edit (document, 4);
  pw_document_reload_async (document, NULL, loaded_cb, &call);
  wait_for (&call.done, "a reload");
  g_assert_true (pw_document_get_history (document) == history);
  g_assert_false (pw_history_get_can_undo (history));
  g_assert_false (pw_history_get_can_redo (history));
  edit (document, 4);
  g_assert_true (pw_history_get_can_undo (history));
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
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/phasewise/document/untitled", test_untitled);
  add_test ("/phasewise/document/load", test_load);
  add_test ("/phasewise/document/load-broken", test_load_broken);
  add_test ("/phasewise/document/save", test_save);
  add_test ("/phasewise/document/conflict", test_conflict);
  add_test ("/phasewise/document/reload", test_reload);
  add_test ("/phasewise/document/changed-on-disk", test_changed_on_disk);
  add_test ("/phasewise/document/edit-during-save", test_edit_during_save);
  add_test ("/phasewise/document/busy", test_busy);
  add_test ("/phasewise/document/autosave", test_autosave);
  add_test ("/phasewise/document/draft-failed", test_draft_failed);
  add_test ("/phasewise/document/restore-draft", test_restore_draft);
  add_test ("/phasewise/document/remote", test_remote);
  add_test ("/phasewise/document/remote-failure", test_remote_failure);
  add_test ("/phasewise/document/history", test_history);

  return g_test_run ();
}
