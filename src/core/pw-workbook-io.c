/* pw-workbook-io.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-workbook-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pw-error.h"
#include "pw-workbook-io.h"

/*
 * Workbook files on disk: loading, and saving atomically with a backup, a
 * check for changes by someone else and one save at a time.  The contents
 * are read by pw-workbook-reader.c and written by pw-workbook-writer.c.
 */

/* ------------------------------------------------------------------------
 * Loading
 */

static char *
checksum_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/**
 * pw_workbook_load:
 *
 * Loads a workbook file and remembers its state on disk, so that a later
 * save can tell whether someone else changed it meanwhile.
 *
 * Returns: (transfer full): the workbook
 */
PwWorkbook *
pw_workbook_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) self = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *checksum = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a workbook"));
      return NULL;
    }

  /* A pipe or a device has no size to check and may never end. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file"));
      return NULL;
    }

  if (g_file_info_get_size (info) > PW_WORKBOOK_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (PW_WORKBOOK_MAX_BYTES);

      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                   /* Translators: the first %s is the place in the file as
                    * line:column, here 1:1; the second a size such as “67.1 MB” */
                   _("%s: A workbook may not be larger than %s"), "1:1", limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  self = pw_workbook_load_from_bytes (bytes, error);
  if (self == NULL)
    return NULL;

  checksum = checksum_bytes (bytes);
  _pw_workbook_set_disk_state (self, file, etag, checksum);

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  PwWorkbook *workbook = pw_workbook_load (task_data, cancellable, &error);

  if (workbook == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, workbook, g_object_unref);
}

void
pw_workbook_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_workbook_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * pw_workbook_load_get_file:
 *
 * Returns: (transfer none): the file that pw_workbook_load_async() loaded
 */
GFile *
pw_workbook_load_get_file (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_get_task_data (G_TASK (result));
}

PwWorkbook *
pw_workbook_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
/* ------------------------------------------------------------------------
 * Saving
 */

typedef struct
{
  GFile       *file;
  GBytes      *bytes;
  char        *etag;       /* as last loaded or saved, or NULL */
  char        *checksum;   /* of those bytes */
  gboolean     same_file;  /* saving back to where it came from */
  PwSaveFlags  flags;
  guint64      generation;
  char        *new_etag;
  char        *new_checksum;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->etag);
  g_free (data->checksum);
  g_free (data->new_etag);
  g_free (data->new_checksum);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

/**
 * pw_workbook_get_backup_file:
 *
 * Returns: (transfer full): where the previous version of @file is kept:
 *   in the user's data folder, named after the file and a hash of its path
 */
GFile *
pw_workbook_get_backup_file (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  const char *dot;

  dot = strrchr (base, '.');
  stem = dot && dot != base ? g_strndup (base, (gsize) (dot - base)) : g_strdup (base);
  hash[12] = '\0';
  name = g_strdup_printf ("%s-%s.phasewise", stem, hash);

  return g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "backups", name, NULL);
}

static void
write_backup (const char *path,
              GFile      *file)
{
  g_autoptr(GFile) backup = pw_workbook_get_backup_file (file);
  g_autoptr(GFile) parent = g_file_get_parent (backup);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_path = g_file_get_path (backup);
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A backup is a courtesy: when it cannot be written the save goes on. */
  if (!g_file_get_contents (path, &contents, &length, &error)
      || (!g_file_make_directory_with_parents (parent, NULL, &error)
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
    {
      g_debug ("No backup of %s: %s", path, error->message);
      return;
    }
  g_clear_error (&error);

  if (!g_file_set_contents_full (backup_path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_debug ("No backup of %s: %s", path, error->message);
}

/* Whether the file holds other bytes than those last loaded or saved.  The
 * etag is only the modification time, which another writer can keep
 * (cp -p, rsync -t, a coarse clock), so the contents are compared. */
static gboolean
changed_on_disk (const char *path,
                 const char *checksum)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *disk_checksum = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    /* Removed meanwhile: saving puts it back.  Unreadable: cannot tell. */
    return !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);

  disk_checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                               length);

  return g_strcmp0 (disk_checksum, checksum) != 0;
}

/* Runs in a worker thread: touches nothing but @data. */
static gboolean
save_data_write (SaveData      *data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *given_path = g_file_get_path (data->file);
  g_autofree char *path = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gboolean existed = FALSE;
  int mode = 0666;
  gsize length = 0;
  const char *contents;

  if (given_path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Workbooks can only be saved to local files"));
      return FALSE;
    }

  /* Follow a symbolic link, so that the link stays and its target is
   * replaced. */
  path = g_canonicalize_filename (given_path, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          g_free (path);
          path = g_strdup (real);
          free (real);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                               _("A folder of that name is in the way"));
          return FALSE;
        }

      existed = TRUE;
      mode = st.st_mode & 07777;

      if (data->same_file && data->checksum != NULL && !(data->flags & PW_SAVE_OVERWRITE)
          && changed_on_disk (path, data->checksum))
        {
          g_set_error_literal (error, PW_ERROR, PW_ERROR_MODIFIED,
                               _("The file was changed by someone else since it was opened"));
          return FALSE;
        }

      if (!(data->flags & PW_SAVE_NO_BACKUP))
        write_backup (path, data->file);
    }

  contents = g_bytes_get_data (data->bytes, &length);
  if (!g_file_set_contents_full (path, contents, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      if (local_error->domain == G_FILE_ERROR)
        g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The new file was created under the umask: give it the old one's mode,
   * so that a group-writable document stays group-writable. */
  if (existed && g_chmod (path, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", path, g_strerror (errno));

  target = g_file_new_for_path (path);
  info = g_file_query_info (target, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  data->new_etag = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
  data->new_checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data->bytes);

  return TRUE;
}

/* Takes the workbook's state on disk as it is when the write starts: a save
 * queued behind another sees the state that one left. */
static void
save_data_refresh (SaveData   *data,
                   PwWorkbook *self)
{
  GFile *current = pw_workbook_get_file (self);
  const char *etag, *checksum;

  _pw_workbook_get_disk_state (self, &etag, &checksum);
  data->same_file = current != NULL && g_file_equal (current, data->file);
  g_free (data->etag);
  data->etag = g_strdup (etag);
  g_free (data->checksum);
  data->checksum = g_strdup (checksum);
}

static SaveData *
save_data_new (PwWorkbook  *self,
               GFile       *file,
               PwSaveFlags  flags)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->file = g_object_ref (file);
  data->bytes = pw_workbook_serialize (self);
  data->flags = flags;
  data->generation = pw_workbook_get_generation (self);
  save_data_refresh (data, self);

  return data;
}

static void
save_data_apply (PwWorkbook *self,
                 SaveData   *data)
{
  _pw_workbook_set_disk_state (self, data->file, data->new_etag, data->new_checksum);

  /* Edits made while the file was being written still need saving. */
  if (pw_workbook_get_generation (self) == data->generation)
    pw_workbook_set_modified (self, FALSE);
}

static void
prefix_save_error (GError **error,
                   GFile   *file)
{
  g_autofree char *name = g_file_get_parse_name (file);

  /* Translators: %s is a file's name; the reason follows */
  g_prefix_error (error, _("Could not save “%s”: "), name);
}

/*
 * Saves of one workbook never overlap: an asynchronous save asked for while
 * another runs waits in the workbook's queue, and a synchronous one fails
 * with G_IO_ERROR_BUSY.
 */
typedef struct
{
  gboolean busy;
  GQueue   waiting;  /* GTask */
} SaveQueue;

static void
save_queue_free (SaveQueue *queue)
{
  g_assert (!queue->busy);
  g_assert (g_queue_is_empty (&queue->waiting));
  g_free (queue);
}

static SaveQueue *
get_save_queue (PwWorkbook *self)
{
  SaveQueue *queue = g_object_get_data (G_OBJECT (self), "pw-save-queue");

  if (queue == NULL)
    {
      queue = g_new0 (SaveQueue, 1);
      g_queue_init (&queue->waiting);
      g_object_set_data_full (G_OBJECT (self), "pw-save-queue", queue,
                              (GDestroyNotify) save_queue_free);
    }

  return queue;
}

/**
 * pw_workbook_save:
 * @file: where to save; the workbook's own file for "Save"
 *
 * Saves atomically: the new version is written to a temporary file in the
 * same folder, flushed to disk and renamed over the old one, so that a
 * failure leaves the previous file as it was.  A copy of the previous
 * version is kept (see pw_workbook_get_backup_file()).  Saving back to the
 * file the workbook came from fails with %PW_ERROR_MODIFIED when someone
 * else changed it meanwhile, unless @flags has %PW_SAVE_OVERWRITE.  While an
 * asynchronous save of the workbook runs, fails with %G_IO_ERROR_BUSY.
 *
 * Returns: %TRUE on success, when the workbook is no longer modified
 */
gboolean
pw_workbook_save (PwWorkbook    *self,
                  GFile         *file,
                  PwSaveFlags    flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(SaveData) data = NULL;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (get_save_queue (self)->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("Another save of this workbook is still running"));
      prefix_save_error (error, file);
      return FALSE;
    }

  data = save_data_new (self, file, flags);
  if (!save_data_write (data, cancellable, error))
    {
      prefix_save_error (error, file);
      return FALSE;
    }

  save_data_apply (self, data);

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_data_write (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_save (PwWorkbook *self,
                        GTask      *task);

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PwWorkbook *self = PW_WORKBOOK (object);
  g_autoptr(GTask) task = user_data;
  SaveQueue *queue = get_save_queue (self);
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  queue->busy = FALSE;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    save_data_apply (self, data);
  else
    prefix_save_error (&error, data->file);

  if (!g_queue_is_empty (&queue->waiting))
    start_save (self, g_queue_pop_head (&queue->waiting));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Takes over @task. */
static void
start_save (PwWorkbook *self,
            GTask      *task)
{
  g_autoptr(GTask) worker = NULL;
  SaveData *data = g_task_get_task_data (task);

  get_save_queue (self)->busy = TRUE;
  save_data_refresh (data, self);

  worker = g_task_new (self, g_task_get_cancellable (task), save_done_cb, task);
  g_task_set_source_tag (worker, start_save);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, save_thread);
}

/**
 * pw_workbook_save_async:
 *
 * Like pw_workbook_save(); the workbook is serialized before this returns
 * and written in a worker thread.  A save asked for while another runs
 * starts when that one has finished.
 */
void
pw_workbook_save_async (PwWorkbook          *self,
                        GFile               *file,
                        PwSaveFlags          flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  SaveQueue *queue;
  GTask *task;

  g_return_if_fail (PW_IS_WORKBOOK (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_workbook_save_async);
  g_task_set_task_data (task, save_data_new (self, file, flags), (GDestroyNotify) save_data_free);

  queue = get_save_queue (self);
  if (queue->busy)
    g_queue_push_tail (&queue->waiting, task);
  else
    start_save (self, task);
}

gboolean
pw_workbook_save_finish (PwWorkbook    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * pw_workbook_changed_on_disk:
 *
 * Returns: %TRUE when the workbook's file was changed by someone else
 *   since it was loaded or saved
 */
gboolean
pw_workbook_changed_on_disk (PwWorkbook   *self,
                             GCancellable *cancellable)
{
  g_autofree char *path = NULL;
  const char *etag, *checksum;
  GFile *file;

  g_return_val_if_fail (PW_IS_WORKBOOK (self), FALSE);

  file = pw_workbook_get_file (self);
  _pw_workbook_get_disk_state (self, &etag, &checksum);
  if (file == NULL || checksum == NULL || (path = g_file_get_path (file)) == NULL)
    return FALSE;

  return changed_on_disk (path, checksum);
}
