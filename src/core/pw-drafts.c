/* pw-drafts.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-drafts"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pw-drafts-private.h"
#include "pw-error.h"
#include "pw-file-writer.h"
#include "pw-json-util.h"
#include "pw-validate.h"
#include "pw-workbook-io.h"
#include "pw-workbook-io-private.h"
#include "pw-write-queue.h"

/**
 * PwDrafts:
 *
 * Crash recovery of unsaved workbooks, the GNOME Text Editor model
 * (STYLE.md rule 12, RELIABILITY.md case 7).
 *
 * Every open document has an id (pw_drafts_new_id()).  Its unsaved
 * contents go to `<directory>/<id>.phasewise`, and an index,
 * `<directory>/index.json`, lists every draft with the document's file and
 * title and a `shutdown` flag:
 *
 * |[
 * { "format": "phasewise-drafts", "version": 1, "shutdown": false,
 *   "drafts": [ { "id": "…", "uri": "file:///…" or null, "title": "…",
 *                 "saved": 1767225600 } ] }
 * ]|
 *
 * pw_drafts_begin_session() reads the index as untrusted data, returns
 * every draft still on disk and marks the session as running;
 * pw_drafts_end_session() marks it as ended cleanly.  After a real save or
 * a discard, pw_drafts_remove_async() deletes the draft.
 *
 * Both files are replaced atomically (pw_file_replace_contents()).  The
 * index is written before the draft file, so that a crash between the two
 * leaves either an index entry whose file is missing (dropped at the next
 * start) or the previous version of the draft, never a draft that nothing
 * lists.  Files that the index does not list are left over from removals
 * cut short and are deleted at the next start when older than a minute;
 * but when the index itself is unreadable, they are returned as recovered
 * untitled drafts instead: a draft is never lost silently.
 *
 * Writes never overlap: pw_drafts_save_async() and pw_drafts_remove_async()
 * run in a #PwWriteQueue, one after the other, and the synchronous
 * functions wait for the write in progress.  A #PwDrafts is used from one
 * thread only, the one that created it; only its writes run elsewhere.
 */
struct _PwDrafts
{
  GObject       parent_instance;

  char         *directory;
  GPtrArray    *drafts;      /* PwDraftInfo: the index as it is meant to be on disk */
  gboolean      loaded;      /* drafts holds the index read from disk */
  gboolean      shutdown;    /* the "shutdown" written next */
  gboolean      crashed;     /* the previous session did not end cleanly */
  PwWriteQueue *queue;
};

G_DEFINE_FINAL_TYPE (PwDrafts, pw_drafts, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ------------------------------------------------------------------------
 * Files
 */

static gboolean
ensure_directory (const char  *directory,
                  GError     **error)
{
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (directory);

      /* Translators: the first %s is a folder, the second the reason */
      _pw_drafts_set_errno_error (error, saved_errno, _("Cannot create the drafts folder %s: %s"),
                                  display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Replaces @path atomically with @bytes, readable by the user only. */
static gboolean
write_file (const char  *path,
            GBytes      *bytes,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pw_file_replace_contents (file, bytes, NULL, PW_FILE_WRITE_PRIVATE, NULL, NULL, error);
}

/* Deletes the draft file of @id; a missing one is not an error. */
static gboolean
delete_draft (const char  *directory,
              const char  *id,
              GError     **error)
{
  g_autofree char *path = _pw_drafts_get_draft_path (directory, id);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      /* Translators: the first %s is a file, the second the reason */
      _pw_drafts_set_errno_error (error, saved_errno, _("Cannot delete the draft %s: %s"), display,
                                  g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Runs in a worker thread or on the owner's thread: touches nothing but its
 * arguments.  @index and @contents may be %NULL (nothing to write). */
static gboolean
write_draft (const char  *directory,
             const char  *id,
             GBytes      *index,
             GBytes      *contents,
             GError     **error)
{
  if (!ensure_directory (directory, error))
    return FALSE;

  if (index != NULL)
    {
      g_autofree char *index_path = _pw_drafts_get_index_path (directory);

      if (!write_file (index_path, index, error))
        return FALSE;
    }

  if (contents != NULL)
    {
      g_autofree char *path = _pw_drafts_get_draft_path (directory, id);

      if (!write_file (path, contents, error))
        return FALSE;
    }

  return TRUE;
}

static GBytes *
serialize_index (PwDrafts *self)
{
  return _pw_drafts_serialize_index (self->drafts, self->shutdown);
}

static gboolean
load_index (PwDrafts  *self,
            gboolean   clean_up,
            GError   **error)
{
  g_autoptr(GPtrArray) drafts = NULL;
  gboolean shutdown;

  if (!_pw_drafts_read_folder (self->directory, clean_up, &drafts, &shutdown, error))
    return FALSE;

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  self->drafts = g_steal_pointer (&drafts);
  self->shutdown = shutdown;
  self->crashed = !shutdown;
  self->loaded = TRUE;

  return TRUE;
}

static gboolean
ensure_loaded (PwDrafts  *self,
               GError   **error)
{
  if (self->loaded)
    return TRUE;

  return load_index (self, FALSE, error);
}

/* Records @id in the index as it is meant to be. */
static gboolean
update_entry (PwDrafts    *self,
              const char  *id,
              GFile       *file,
              const char  *file_checksum,
              const char  *title,
              GError     **error)
{
  PwDraftInfo *info = _pw_draft_list_find (self->drafts, id, NULL);

  if (info == NULL)
    {
      if (self->drafts->len >= PW_DRAFTS_MAX_DRAFTS)
        {
          g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                       _("Cannot keep drafts of more than %d unsaved documents"),
                       PW_DRAFTS_MAX_DRAFTS);
          return FALSE;
        }

      info = _pw_draft_info_new (id);
      g_ptr_array_add (self->drafts, info);
    }

  g_clear_pointer (&info->uri, g_free);
  if (file != NULL)
    info->uri = g_file_get_uri (file);

  /* Keep the index readable at the next start: a title is at most
   * PW_MAX_NAME_CHARS characters. */
  g_free (info->title);
  if (g_utf8_strlen (title, -1) > PW_MAX_NAME_CHARS)
    info->title = g_utf8_substring (title, 0, PW_MAX_NAME_CHARS);
  else
    info->title = g_strdup (title);

  g_free (info->file_checksum);
  info->file_checksum = file != NULL ? g_strdup (file_checksum) : NULL;

  info->saved_unix = g_get_real_time () / G_USEC_PER_SEC;

  return TRUE;
}

/* Takes @id out of the index as it is meant to be. */
static gboolean
remove_entry (PwDrafts   *self,
              const char *id)
{
  guint position;

  if (_pw_draft_list_find (self->drafts, id, &position) == NULL)
    return FALSE;

  g_ptr_array_remove_index (self->drafts, position);

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Queued writes
 */

typedef struct
{
  char     *directory;
  char     *id;
  GBytes   *contents;  /* NULL once a later write of the same draft replaced it */
  GBytes   *index;     /* serialized when the write starts */
  gboolean  remove;    /* delete the draft file after the index */
} Job;

static void
job_free (Job *job)
{
  g_free (job->directory);
  g_free (job->id);
  g_clear_pointer (&job->contents, g_bytes_unref);
  g_clear_pointer (&job->index, g_bytes_unref);
  g_free (job);
}

static Job *
job_new (PwDrafts   *self,
         const char *id,
         GBytes     *contents,
         gboolean    remove)
{
  Job *job = g_new0 (Job, 1);

  job->directory = g_strdup (self->directory);
  job->id = g_strdup (id);
  job->contents = contents ? g_bytes_ref (contents) : NULL;
  job->remove = remove;

  return job;
}

/* A write of @id asked for later makes the waiting ones of the same draft
 * useless, and a removal must not be undone by one of them. */
static void
supersede_cb (gpointer data,
              gpointer user_data)
{
  Job *job = g_task_get_task_data (data);

  if (g_str_equal (job->id, user_data))
    g_clear_pointer (&job->contents, g_bytes_unref);
}

static void
supersede_waiting (PwDrafts   *self,
                   const char *id)
{
  pw_write_queue_foreach_waiting (self->queue, supersede_cb, (gpointer) id);
}

/* The index as it is when the write starts, with every change asked for
 * so far. */
static void
prepare_job (GTask *task)
{
  PwDrafts *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  job->index = serialize_index (self);
}

static gboolean
write_job (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  Job *job = data;

  if (!write_draft (job->directory, job->id, job->index, job->contents, error))
    return FALSE;

  /* Unlisted first: a crash here leaves a file that the next start deletes. */
  return !job->remove || delete_draft (job->directory, job->id, error);
}

static void
push_job (PwDrafts            *self,
          Job                 *job,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  pw_write_queue_push (self->queue, task, prepare_job, write_job, NULL);
}

/* A draft larger than a workbook can be would not open again: it is
 * refused before anything is written, the previous draft kept. */
static gboolean
check_draft_size (const char  *title,
                  GBytes      *contents,
                  GError     **error)
{
  if (_pw_workbook_check_save_size (g_bytes_get_size (contents), error))
    return TRUE;

  /* Translators: %s is a document's title; the reason follows */
  g_prefix_error (error, _("Could not keep a draft of “%s”: "), title);

  return FALSE;
}

/* ------------------------------------------------------------------------
 * The object
 */

static void
pw_drafts_dispose (GObject *object)
{
  PwDrafts *self = (PwDrafts *)object;

  g_clear_object (&self->queue);

  G_OBJECT_CLASS (pw_drafts_parent_class)->dispose (object);
}

static void
pw_drafts_finalize (GObject *object)
{
  PwDrafts *self = (PwDrafts *)object;

  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_drafts_parent_class)->finalize (object);
}

static void
pw_drafts_constructed (GObject *object)
{
  PwDrafts *self = (PwDrafts *)object;

  G_OBJECT_CLASS (pw_drafts_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);
}

static void
pw_drafts_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PwDrafts *self = PW_DRAFTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_drafts_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PwDrafts *self = PW_DRAFTS (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_drafts_class_init (PwDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_drafts_constructed;
  object_class->dispose = pw_drafts_dispose;
  object_class->finalize = pw_drafts_finalize;
  object_class->get_property = pw_drafts_get_property;
  object_class->set_property = pw_drafts_set_property;

  /**
   * PwDrafts:directory:
   *
   * The folder of the drafts and their index; %NULL at construction
   * means `g_get_user_data_dir()/<app-id>/drafts`.
   */
  properties [PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_drafts_init (PwDrafts *self)
{
  self->drafts = _pw_draft_list_new ();
  self->shutdown = TRUE;
  self->queue = pw_write_queue_new ();
}

/**
 * pw_drafts_new:
 * @directory: (nullable): the drafts folder, or %NULL for
 *   `g_get_user_data_dir()/<app-id>/drafts`
 *
 * Nothing is read or written before the first call that needs it.
 *
 * Returns: (transfer full): a new #PwDrafts
 */
PwDrafts *
pw_drafts_new (const char *directory)
{
  return g_object_new (PW_TYPE_DRAFTS, "directory", directory, NULL);
}

const char *
pw_drafts_get_directory (PwDrafts *self)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), NULL);

  return self->directory;
}

/**
 * pw_drafts_new_id:
 *
 * Returns: (transfer full): a fresh draft id, for a document opened or
 *   created.  A random UUID: unique, not secret.
 */
char *
pw_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

/**
 * pw_drafts_begin_session:
 * @recovered: (out) (optional) (element-type PwDraftInfo) (transfer full):
 *   the drafts found, in the order they were listed
 *
 * Reads the index, as untrusted data, and returns every draft whose file
 * is still there, whether the previous session crashed
 * (pw_drafts_get_crashed()) or ended with drafts still listed: a draft is
 * never dropped silently.  An unreadable index is moved aside
 * to `index.json.broken`; the drafts of the folder are then returned as
 * untitled ones.  Files that a complete index does not list and older than
 * a minute are deleted, as are temporary files left by killed writes.
 * Then the index is written back, marking this session as running.
 * Call it when the application starts, before any pw_drafts_save_async().
 *
 * Returns: %FALSE when the index cannot be read or written; the drafts then
 *   stay as they are on disk
 */
gboolean
pw_drafts_begin_session (PwDrafts   *self,
                         GPtrArray **recovered,
                         GError    **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (recovered == NULL || *recovered == NULL, FALSE);
  /* The index is read again from disk: no write may be pending. */
  g_return_val_if_fail (!pw_write_queue_get_busy (self->queue), FALSE);

  if (!load_index (self, TRUE, error))
    return FALSE;

  self->shutdown = FALSE;
  index = serialize_index (self);
  if (!write_draft (self->directory, NULL, index, NULL, error))
    return FALSE;

  if (recovered != NULL)
    *recovered = _pw_draft_list_copy (self->drafts);

  return TRUE;
}

/**
 * pw_drafts_end_session:
 *
 * Marks the session as ended cleanly, when the application quits after
 * every document was saved or discarded.  Waits for the write in progress.
 */
gboolean
pw_drafts_end_session (PwDrafts  *self,
                       GError   **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);

  pw_write_queue_wait (self->queue);

  if (!ensure_loaded (self, error))
    return FALSE;

  self->shutdown = TRUE;
  index = serialize_index (self);

  return write_draft (self->directory, NULL, index, NULL, error);
}

/**
 * pw_drafts_get_crashed:
 *
 * Returns: %TRUE when pw_drafts_begin_session() found that the previous
 *   session did not end with pw_drafts_end_session()
 */
gboolean
pw_drafts_get_crashed (PwDrafts *self)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);

  return self->crashed;
}

/**
 * pw_drafts_save:
 * @id: the document's draft id (pw_drafts_new_id())
 * @file: (nullable): the document's own file, or %NULL for an untitled one
 * @file_checksum: (nullable): the checksum of what @file held when the
 *   changes began (#PwDraftInfo), or %NULL when unknown
 * @title: the document's title
 * @contents: the unsaved document
 *
 * Writes the draft of a document and lists it in the index, both
 * atomically, readable by the user only, creating the folder if needed.  A
 * title longer than %PW_MAX_NAME_CHARS characters is cut.  Fails with
 * %PW_ERROR_TOO_LARGE, writing nothing, when @contents are larger than
 * %PW_WORKBOOK_MAX_BYTES: such a draft could not be restored.  Waits for an
 * asynchronous write in progress.  Fails with %PW_ERROR_TOO_LARGE for a new
 * draft when %PW_DRAFTS_MAX_DRAFTS are kept already: the index of the next
 * start reads no more.
 */
gboolean
pw_drafts_save (PwDrafts    *self,
                const char  *id,
                GFile       *file,
                const char  *file_checksum,
                const char  *title,
                GBytes      *contents,
                GError     **error)
{
  g_autoptr(GBytes) index = NULL;

  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (pw_is_valid_id (id), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (title != NULL && g_utf8_validate (title, -1, NULL), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (!check_draft_size (title, contents, error))
    return FALSE;

  pw_write_queue_wait (self->queue);

  if (!ensure_loaded (self, error)
      || !update_entry (self, id, file, file_checksum, title, error))
    return FALSE;

  supersede_waiting (self, id);
  index = serialize_index (self);

  return write_draft (self->directory, id, index, contents, error);
}

/**
 * pw_drafts_save_async:
 *
 * Like pw_drafts_save(): the index is updated on the calling thread, and
 * serialized there when the write starts; both files are written in a
 * worker thread.  Writes run one after the other, in the order they were
 * asked for, and a write still waiting is skipped for a draft saved again
 * or removed meanwhile.  When cancelled or failed, the entry stays in the
 * index kept in memory and reaches the disk with the next write; an entry
 * whose file was never written is dropped at the next start.
 */
void
pw_drafts_save_async (PwDrafts            *self,
                      const char          *id,
                      GFile               *file,
                      const char          *file_checksum,
                      const char          *title,
                      GBytes              *contents,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PW_IS_DRAFTS (self));
  g_return_if_fail (pw_is_valid_id (id));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (title != NULL && g_utf8_validate (title, -1, NULL));
  g_return_if_fail (contents != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!check_draft_size (title, contents, &error)
      || !ensure_loaded (self, &error)
      || !update_entry (self, id, file, file_checksum, title, &error))
    {
      g_task_report_error (self, callback, user_data, pw_drafts_save_async,
                           g_steal_pointer (&error));
      return;
    }

  supersede_waiting (self, id);
  push_job (self, job_new (self, id, contents, FALSE), cancellable, callback, user_data,
            pw_drafts_save_async);
}

static gboolean
finish_job (PwDrafts      *self,
            GAsyncResult  *result,
            gpointer       source_tag,
            GError       **error)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
pw_drafts_save_finish (PwDrafts      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return finish_job (self, result, pw_drafts_save_async, error);
}

/**
 * pw_drafts_remove:
 * @id: the document's draft id
 *
 * Removes a draft from the index and deletes its file, after a real save
 * or when the user discards the changes.  Removing a draft that does not
 * exist is not an error.  Waits for the write in progress; on the thread
 * of a window, use pw_drafts_remove_async().
 */
gboolean
pw_drafts_remove (PwDrafts    *self,
                  const char  *id,
                  GError     **error)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (pw_is_valid_id (id), FALSE);

  pw_write_queue_wait (self->queue);

  if (!ensure_loaded (self, error))
    return FALSE;

  supersede_waiting (self, id);

  if (remove_entry (self, id))
    {
      g_autoptr(GBytes) index = serialize_index (self);

      if (!write_draft (self->directory, NULL, index, NULL, error))
        return FALSE;
    }

  /* Unlisted first: a crash here leaves a file that the next start deletes. */
  return delete_draft (self->directory, id, error);
}

/**
 * pw_drafts_remove_async:
 *
 * Like pw_drafts_remove(): the draft leaves the index kept in memory at
 * once, so that a later save or list knows; the index and the file are
 * written after the writes asked for before, in a worker thread.
 */
void
pw_drafts_remove_async (PwDrafts            *self,
                        const char          *id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PW_IS_DRAFTS (self));
  g_return_if_fail (pw_is_valid_id (id));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!ensure_loaded (self, &error))
    {
      g_task_report_error (self, callback, user_data, pw_drafts_remove_async,
                           g_steal_pointer (&error));
      return;
    }

  supersede_waiting (self, id);
  remove_entry (self, id);
  push_job (self, job_new (self, id, NULL, TRUE), cancellable, callback, user_data,
            pw_drafts_remove_async);
}

gboolean
pw_drafts_remove_finish (PwDrafts      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return finish_job (self, result, pw_drafts_remove_async, error);
}

/**
 * pw_drafts_list:
 *
 * Returns: (transfer full) (element-type PwDraftInfo): the drafts listed
 *   now, in the order they were first saved
 */
GPtrArray *
pw_drafts_list (PwDrafts *self)
{
  g_return_val_if_fail (PW_IS_DRAFTS (self), NULL);

  return _pw_draft_list_copy (self->drafts);
}
