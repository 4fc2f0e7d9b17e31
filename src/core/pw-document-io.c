/* pw-document-io.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-document-private.h"
#include "pw-error.h"
#include "pw-file-writer.h"
#include "pw-workbook-io-private.h"

/*
 * A PwDocument's file (see pw-document.c): loading and saving, which run
 * in a worker thread through the document's PwWriteQueue on data that the
 * thread owns alone, the document taking the result on its own thread; and
 * the watch on the file, whose contents are compared in a worker thread.
 */

#define MONITOR_DELAY_MSEC 500

/* ------------------------------------------------------------------------
 * Loading
 */

typedef struct
{
  GFile       *file;
  PwDraftInfo *draft;         /* restoring this draft, or NULL */
  PwDrafts    *drafts;
  PwWorkbook  *workbook;
  char        *checksum;
  char        *display_name;
  gboolean     changed_on_disk;  /* the draft's file holds something else now */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->draft, pw_draft_info_free);
  g_clear_object (&data->drafts);
  g_clear_object (&data->workbook);
  g_free (data->checksum);
  g_free (data->display_name);
  g_free (data);
}

static char *
query_display_name (GFile        *file,
                    GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info != NULL ? g_strdup (g_file_info_get_display_name (info)) : NULL;
}

/* Runs in a worker thread: touches nothing but @data. */
static gboolean
load_thread (gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  LoadData *data = task_data;

  if (data->draft != NULL)
    {
      g_autoptr(GBytes) bytes = pw_drafts_load (data->drafts, data->draft->id, error);

      if (bytes == NULL || (data->workbook = pw_workbook_load_from_bytes (bytes, error)) == NULL)
        return FALSE;

      /* Saving goes back to the original file: without asking only when it
       * still holds what the draft's changes were made on, or is gone. */
      if (data->file != NULL)
        {
          g_autofree char *current = NULL;

          if (!pw_file_read_checksum (data->file, &current, cancellable, NULL))
            data->changed_on_disk = TRUE;
          else if (current != NULL)
            data->changed_on_disk = g_strcmp0 (current, data->draft->file_checksum) != 0;

          data->checksum = data->changed_on_disk ? g_strdup (PW_DOCUMENT_NEVER_MATCHES)
                                                 : g_steal_pointer (&current);
        }
    }
  else
    {
      g_autoptr(GBytes) bytes = pw_workbook_read_file (data->file, cancellable, error);

      if (bytes == NULL || (data->workbook = pw_workbook_load_from_bytes (bytes, error)) == NULL)
        return FALSE;
      data->checksum = pw_file_checksum_bytes (bytes);
    }

  if (data->file != NULL)
    data->display_name = query_display_name (data->file, cancellable);

  return TRUE;
}

static void
load_apply (PwDocument   *self,
            gpointer      task_data,
            const GError *error)
{
  LoadData *data = task_data;

  _pw_document_set_busy (self, FALSE);

  if (error != NULL)
    return;

  if (data->draft == NULL)
    pw_document_discard_draft (self);

  _pw_document_set_workbook (self, data->workbook);
  _pw_document_set_file (self, data->file, data->checksum, data->display_name);

  if (data->draft != NULL)
    {
      _pw_document_set_draft_id (self, data->draft->id);
      if (data->file == NULL)
        _pw_document_set_untitled_name (self, data->draft->title);
      pw_workbook_set_modified (self->workbook, TRUE);
      _pw_document_set_changed_on_disk (self, data->changed_on_disk);
    }
}

static void
load_done (GTask        *task,
           const GError *error)
{
  load_apply (g_task_get_source_object (task), g_task_get_task_data (task), error);
}

static void
push_load (PwDocument          *self,
           LoadData            *data,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data,
           gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  _pw_document_set_busy (self, TRUE);
  pw_write_queue_push (self->queue, task, NULL, load_thread, load_done);
}

static LoadData *
load_data_new (GFile *file)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->file = file ? g_object_ref (file) : NULL;

  return data;
}

/**
 * pw_document_load_async:
 * @file: the workbook file to load
 *
 * Loads @file in a worker thread.  On success the document holds its
 * workbook, unmodified, with an empty history; the draft of what it held
 * before is deleted.  On failure, the document is left as it was, and the
 * error names the place of each problem (see pw_workbook_load_from_bytes()).
 */
void
pw_document_load_async (PwDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (PW_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  push_load (self, load_data_new (file), cancellable, callback, user_data,
             pw_document_load_async);
}

/* Every load and save returns a boolean. */
static gboolean
finish_task (PwDocument    *self,
             GAsyncResult  *result,
             GError       **error)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* A load or a save on the calling thread, in the steps the queue takes. */
static gboolean
run_now (PwDocument     *self,
         gpointer        data,
         PwWriteFunc     work,
         void          (*apply) (PwDocument   *self,
                                 gpointer      data,
                                 const GError *error),
         GDestroyNotify  free_data,
         GCancellable   *cancellable,
         GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  _pw_document_set_busy (self, TRUE);
  work (data, cancellable, &local_error);
  apply (self, data, local_error);
  free_data (data);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_document_load_finish (PwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return finish_task (self, result, error);
}

/**
 * pw_document_reload_async:
 *
 * Loads the document's file again, losing the changes not saved: for
 * "Reload" after someone else changed it.
 */
void
pw_document_reload_async (PwDocument          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (PW_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);

  push_load (self, load_data_new (self->file), cancellable, callback, user_data,
             pw_document_reload_async);
}

gboolean
pw_document_reload_finish (PwDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_task (self, result, error);
}

/**
 * pw_document_restore_draft_async:
 * @info: a draft that a crashed session left, from pw_session_take_recovered()
 *
 * Opens the draft as a modified workbook that belongs to the document's
 * original file, if it had one.  The draft is kept under its id until the
 * changes are saved or discarded.  When the file holds something other
 * than what the draft's changes were made on (@info's file_checksum; an
 * unknown one counts as other), the document is #PwDocument:changed-on-disk
 * and saving back to it asks first (%PW_ERROR_MODIFIED).
 */
void
pw_document_restore_draft_async (PwDocument          *self,
                                 const PwDraftInfo   *info,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  LoadData *data;

  g_return_if_fail (PW_IS_DOCUMENT (self));
  g_return_if_fail (info != NULL);

  data = g_new0 (LoadData, 1);
  data->draft = pw_draft_info_copy (info);
  data->drafts = g_object_ref (pw_session_get_drafts (self->session));
  data->file = info->uri != NULL ? g_file_new_for_uri (info->uri) : NULL;
  push_load (self, data, cancellable, callback, user_data, pw_document_restore_draft_async);
}

gboolean
pw_document_restore_draft_finish (PwDocument    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_task (self, result, error);
}

/**
 * pw_document_load:
 *
 * Like pw_document_load_async(), on the calling thread; fails with
 * %G_IO_ERROR_BUSY while a load or save of the document runs.
 */
gboolean
pw_document_load (PwDocument    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (pw_write_queue_get_busy (self->queue))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("The workbook is still being loaded or saved"));
      return FALSE;
    }

  return run_now (self, load_data_new (file), load_thread, load_apply,
                  (GDestroyNotify) load_data_free, cancellable, error);
}

/* ------------------------------------------------------------------------
 * Saving
 */

typedef struct
{
  GFile       *file;
  GBytes      *bytes;
  PwSaveFlags  flags;
  guint64      generation;
  char        *expected;       /* the checksum the file must have, or NULL */
  char        *new_checksum;
  char        *display_name;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->expected);
  g_free (data->new_checksum);
  g_free (data->display_name);
  g_free (data);
}

static SaveData *
save_data_new (PwDocument  *self,
               GFile       *file,
               PwSaveFlags  flags)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->file = g_object_ref (file);
  data->bytes = pw_workbook_serialize (self->workbook);
  data->flags = flags;
  data->generation = pw_workbook_get_generation (self->workbook);

  return data;
}

/* Takes the state on disk as it is when the write starts: a save queued
 * behind another sees the state that one left. */
static void
save_prepare_data (PwDocument *self,
                   SaveData   *data)
{
  gboolean same_file = self->file != NULL && g_file_equal (self->file, data->file);

  g_clear_pointer (&data->expected, g_free);
  if (same_file && !(data->flags & PW_SAVE_OVERWRITE))
    data->expected = g_strdup (self->checksum);
}

static void
save_prepare (GTask *task)
{
  save_prepare_data (g_task_get_source_object (task), g_task_get_task_data (task));
}

/* The one backup of a file is only ever replaced by a workbook that opens.
 * With an expected checksum, the file holds what the document last loaded
 * or saved, which opened (a save checks what it writes), so it is kept
 * without reading it again; otherwise (saving over another file, or
 * overwriting someone else's changes) it is kept only when it opens. */
static gboolean
backup_filter (GBytes   *previous,
               gpointer  user_data)
{
  SaveData *data = user_data;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;

  if (data->expected != NULL)
    return TRUE;

  workbook = pw_workbook_load_from_bytes (previous, &error);
  if (workbook == NULL)
    g_debug ("No backup of a file that does not open: %s", error->message);

  return workbook != NULL;
}

/* Runs in a worker thread: touches nothing but @data. */
static gboolean
save_thread (gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  SaveData *data = task_data;
  PwFileWriteFlags flags = PW_FILE_WRITE_DURABLE;

  if (!(data->flags & PW_SAVE_NO_BACKUP))
    flags |= PW_FILE_WRITE_BACKUP;

  /* What would not open again is not written: the file stays as it was. */
  if (!_pw_workbook_check_serialized (data->bytes, error)
      || !pw_file_replace_contents_full (data->file, data->bytes, data->expected, flags,
                                         backup_filter, data, &data->new_checksum, cancellable,
                                         error))
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      /* Translators: %s is a file's name; the reason follows */
      g_prefix_error (error, _("Could not save “%s”: "), name);
      return FALSE;
    }

  data->display_name = query_display_name (data->file, cancellable);

  return TRUE;
}

static void
save_apply (PwDocument   *self,
            gpointer      task_data,
            const GError *error)
{
  SaveData *data = task_data;

  if (error == NULL)
    {
      _pw_document_set_file (self, data->file, data->new_checksum, data->display_name);

      /* Edits made while the file was being written still need saving. */
      if (pw_workbook_get_generation (self->workbook) == data->generation)
        pw_workbook_set_modified (self->workbook, FALSE);

      if (!pw_workbook_get_modified (self->workbook))
        pw_document_discard_draft (self);
    }

  /* Last, so that whoever waits for the save sees what it did */
  _pw_document_set_busy (self, FALSE);
}

static void
save_done (GTask        *task,
           const GError *error)
{
  save_apply (g_task_get_source_object (task), g_task_get_task_data (task), error);
}

static GFile *
get_save_file (PwDocument *self,
               GFile      *file)
{
  return file != NULL ? file : self->file;
}

/**
 * pw_document_save_async:
 * @file: (nullable): where to save; %NULL for the document's own file
 *
 * Saves atomically (pw_file_replace_contents()): a failure leaves the
 * previous file as it was.  The workbook is serialized before this
 * returns, read back as opening it would, and written in a worker thread,
 * after any load or save asked for before: what would not open again
 * (larger than %PW_WORKBOOK_MAX_BYTES, or refused by the reader) is not
 * written, and the error says why.  A copy of the previous version is kept
 * (pw_file_get_backup_file()) unless @flags has %PW_SAVE_NO_BACKUP, and
 * only when it opens: a file that does not open never replaces the backup.
 * Saving back to the document's file fails with %PW_ERROR_MODIFIED when
 * someone else changed it meanwhile, unless @flags has %PW_SAVE_OVERWRITE.
 * On success the document belongs to @file, and is no longer modified
 * unless it was edited meanwhile.
 */
void
pw_document_save_async (PwDocument          *self,
                        GFile               *file,
                        PwSaveFlags          flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PW_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (self->workbook != NULL);
  g_return_if_fail (get_save_file (self, file) != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_document_save_async);
  g_task_set_task_data (task, save_data_new (self, get_save_file (self, file), flags),
                        (GDestroyNotify) save_data_free);
  _pw_document_set_busy (self, TRUE);
  pw_write_queue_push (self->queue, task, save_prepare, save_thread, save_done);
}

gboolean
pw_document_save_finish (PwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return finish_task (self, result, error);
}

/**
 * pw_document_save:
 *
 * Like pw_document_save_async(), on the calling thread; fails with
 * %G_IO_ERROR_BUSY while a load or save of the document runs.
 */
gboolean
pw_document_save (PwDocument    *self,
                  GFile         *file,
                  PwSaveFlags    flags,
                  GCancellable  *cancellable,
                  GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (PW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);
  g_return_val_if_fail (get_save_file (self, file) != NULL, FALSE);

  if (pw_write_queue_get_busy (self->queue))
    {
      g_autofree char *name = g_file_get_parse_name (get_save_file (self, file));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   /* Translators: %s is a file's name */
                   _("Could not save “%s”: another save of this workbook is still running"),
                   name);
      return FALSE;
    }

  data = save_data_new (self, get_save_file (self, file), flags);
  save_prepare_data (self, data);

  return run_now (self, data, save_thread, save_apply, (GDestroyNotify) save_data_free,
                  cancellable, error);
}

/* ------------------------------------------------------------------------
 * The file on disk
 */

typedef struct
{
  GFile *file;
  guint  serial;
  char  *checksum;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->file);
  g_free (data->checksum);
  g_free (data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *data = task_data;
  GError *error = NULL;

  if (pw_file_read_checksum (data->file, &data->checksum, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  PwDocument *self = PW_DOCUMENT (object);
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot check the file for changes: %s", error->message);
      return;
    }

  /* A load or save since the check started knows better. */
  if (data->serial != self->disk_serial || self->busy > 0)
    return;

  /* Removed: saving puts it back.  Unknown contents: nothing to compare. */
  if (data->checksum == NULL || self->checksum == NULL)
    return;

  _pw_document_set_changed_on_disk (self, !g_str_equal (data->checksum, self->checksum));
}

static void
check_disk_cb (gpointer user_data)
{
  PwDocument *self = user_data;
  g_autoptr(GTask) task = NULL;
  CheckData *data;

  self->monitor_source = 0;

  if (self->file == NULL || self->busy > 0)
    return;

  data = g_new0 (CheckData, 1);
  data->file = g_object_ref (self->file);
  data->serial = self->disk_serial;

  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, check_disk_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

static void
monitor_changed_cb (PwDocument        *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_CHANGED)
    return;

  /* Debounced; the document's own saves leave the checksum equal. */
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add_once (MONITOR_DELAY_MSEC, check_disk_cb, self);
}

void
_pw_document_stop_monitor (PwDocument *self)
{
  g_clear_handle_id (&self->monitor_source, g_source_remove);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

void
_pw_document_start_monitor (PwDocument *self)
{
  g_autoptr(GError) error = NULL;

  _pw_document_stop_monitor (self);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Changes of the file will not be noticed: %s", error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Whether the file holds other contents than the document last loaded or
 * saved; blocks.  A missing file, or contents never known, is no change. */
gboolean
_pw_document_changed_on_disk (PwDocument   *self,
                              GCancellable *cancellable)
{
  g_autofree char *checksum = NULL;

  if (self->file == NULL || self->checksum == NULL
      || !pw_file_read_checksum (self->file, &checksum, cancellable, NULL) || checksum == NULL)
    return FALSE;

  return !g_str_equal (checksum, self->checksum);
}
