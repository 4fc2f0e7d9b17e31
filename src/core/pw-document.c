/* pw-document.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-document-private.h"
#include "pw-utils-private.h"
#include "pw-error.h"
#include "pw-file-writer.h"
#include "pw-recorder.h"
#include "pw-write-queue.h"

/**
 * PwDocument:
 *
 * One workbook as the user works on it: the #PwWorkbook, the file it
 * belongs to and what that file held when it was last loaded or saved, the
 * draft that keeps unsaved changes safe from a crash, a watch on the file
 * for changes made by someone else, and the undo history of every edit.
 * A window shows a document; it holds no document state of its own.
 *
 * Loading and saving run in a worker thread, one after the other through
 * the document's #PwWriteQueue.  A save refuses to overwrite a file that
 * someone else changed since it was loaded or saved (%PW_ERROR_MODIFIED),
 * unless asked to; edits made while it writes keep the document modified.
 * After a successful save with nothing left unsaved, the draft is deleted.
 *
 * Drafts: every edit starts, unless one runs, a timer of the session's
 * autosave interval; when it fires the workbook is written as a draft
 * (#PwDrafts), so that a draft is at most that old.  A draft that cannot
 * be written emits #PwDocument::draft-failed once, until one succeeds
 * again.
 *
 * The file is watched: a change on disk that leaves contents other than
 * the document's own last save sets #PwDocument:changed-on-disk.  The
 * contents are compared in a worker thread, never on the caller's.
 */
G_DEFINE_FINAL_TYPE (PwDocument, pw_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_WORKBOOK,
  PROP_HISTORY,
  PROP_FILE,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_CHANGED_ON_DISK,
  PROP_DRAFT_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  DRAFT_FAILED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* ------------------------------------------------------------------------
 * State
 */

void
_pw_document_set_busy (PwDocument *self,
                       gboolean    busy)
{
  gboolean was_busy = self->busy > 0;

  if (busy)
    self->busy++;
  else
    {
      g_assert (self->busy > 0);
      self->busy--;
    }

  if (was_busy != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

void
_pw_document_set_changed_on_disk (PwDocument *self,
                                  gboolean    changed)
{
  if (self->changed_on_disk == !!changed)
    return;

  self->changed_on_disk = !!changed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGED_ON_DISK]);
}

/* The title: the file's name; or the name given to an untitled document
 * (the example); or the organization's name; or "Untitled Workbook". */
void
_pw_document_update_title (PwDocument *self)
{
  const char *name = self->workbook ? pw_workbook_get_name (self->workbook) : NULL;
  const char *title;

  if (self->file != NULL)
    title = self->display_name;
  else if (self->untitled_name != NULL)
    title = self->untitled_name;
  else if (name != NULL && *name != '\0')
    title = name;
  else
    title = _("Untitled Workbook");

  if (_pw_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

/**
 * pw_document_describe_location:
 * @file: (nullable): a file
 *
 * Returns: (transfer full) (nullable): the folder of @file for people, with
 *   the home folder as "~": "~/Documents"; %NULL without a file
 */
char *
pw_document_describe_location (GFile *file)
{
  g_autoptr(GFile) parent = file ? g_file_get_parent (file) : NULL;
  g_autofree char *dir = parent ? g_file_get_parse_name (parent) : NULL;
  const char *home = g_get_home_dir ();
  gsize length = strlen (home);

  if (dir != NULL && g_str_has_prefix (dir, home) && (dir[length] == '/' || dir[length] == '\0'))
    return g_strconcat ("~", dir + length, NULL);

  return g_steal_pointer (&dir);
}

/* The state of the file as just loaded or saved. */
void
_pw_document_set_file (PwDocument *self,
                       GFile      *file,
                       const char *checksum,
                       const char *display_name)
{
  gboolean file_changed = self->file != file
                          && (self->file == NULL || file == NULL || !g_file_equal (self->file, file));

  self->disk_serial++;
  _pw_set_str (&self->checksum, checksum);

  if (file_changed)
    {
      g_autofree char *location = pw_document_describe_location (file);

      g_set_object (&self->file, file);
      if (_pw_set_str (&self->location, location))
        g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCATION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
      _pw_document_start_monitor (self);
    }

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      _pw_set_str (&self->display_name, display_name ? display_name : basename);
      g_clear_pointer (&self->untitled_name, g_free);
    }

  _pw_document_set_changed_on_disk (self, FALSE);
  _pw_document_update_title (self);
}

void
_pw_document_set_draft_id (PwDocument *self,
                           const char *draft_id)
{
  if (_pw_set_str (&self->draft_id, draft_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DRAFT_ID]);
}

void
_pw_document_set_untitled_name (PwDocument *self,
                                const char *name)
{
  if (_pw_set_str (&self->untitled_name, name))
    _pw_document_update_title (self);
}

/* ------------------------------------------------------------------------
 * Drafts
 */

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PwDocument) self = user_data;
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  if (pw_drafts_save_finish (PW_DRAFTS (object), result, &error))
    self->draft_failing = FALSE;
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* The window tells the user, once. */
      g_debug ("Could not save a draft: %s", error->message);
      if (!self->draft_failing)
        {
          self->draft_failing = TRUE;
          g_signal_emit (self, signals [DRAFT_FAILED], 0, error);
        }
    }

  if (app != NULL)
    g_application_release (app);
}

/**
 * pw_document_save_draft:
 *
 * Writes the draft of an unsaved document now instead of after the
 * autosave interval; does nothing when autosave is off or nothing is
 * unsaved.
 */
void
pw_document_save_draft (PwDocument *self)
{
  PwDrafts *drafts;
  g_autoptr(GBytes) bytes = NULL;
  GApplication *app = g_application_get_default ();

  g_return_if_fail (PW_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (self->workbook == NULL || !pw_workbook_get_modified (self->workbook)
      || !pw_session_get_autosave (self->session))
    return;

  if (self->draft_id == NULL)
    {
      self->draft_id = pw_drafts_new_id ();
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DRAFT_ID]);
    }

  drafts = pw_session_get_drafts (self->session);
  bytes = pw_workbook_serialize (self->workbook);

  /* Keep the application alive until the draft is on disk. */
  if (app != NULL)
    g_application_hold (app);
  pw_drafts_save_async (drafts, self->draft_id, self->file, self->checksum, self->title, bytes,
                        self->cancellable, draft_saved_cb, g_object_ref (self));
}

static void
draft_removed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pw_drafts_remove_finish (PW_DRAFTS (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove a draft: %s", error->message);
}

/**
 * pw_document_discard_draft:
 *
 * Deletes the document's draft, when its changes were saved or the user
 * chose to lose them.
 */
void
pw_document_discard_draft (PwDocument *self)
{
  g_autofree char *id = NULL;

  g_return_if_fail (PW_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (self->draft_id == NULL)
    return;

  id = g_steal_pointer (&self->draft_id);
  pw_drafts_remove_async (pw_session_get_drafts (self->session), id, NULL, draft_removed_cb,
                          NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DRAFT_ID]);
}

static void
draft_timeout_cb (gpointer user_data)
{
  PwDocument *self = user_data;

  self->draft_source = 0;
  pw_document_save_draft (self);
}

static void
schedule_draft (PwDocument *self)
{
  if (self->draft_source != 0 || !pw_session_get_autosave (self->session))
    return;

  /* Not restarted by later changes: a draft is at most this old. */
  self->draft_source = g_timeout_add_once (pw_session_get_autosave_interval (self->session)
                                           * 1000, draft_timeout_cb, self);
}

static void
autosave_changed_cb (PwDocument *self,
                     const char *key,
                     GSettings  *settings)
{
  if (!pw_session_get_autosave (self->session))
    pw_document_discard_draft (self);
  else if (self->workbook != NULL && pw_workbook_get_modified (self->workbook))
    schedule_draft (self);
}

/* ------------------------------------------------------------------------
 * The workbook
 */

static void
workbook_modified_cb (PwDocument *self,
                      GParamSpec *pspec,
                      PwWorkbook *workbook)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

static void
workbook_name_cb (PwDocument *self,
                  GParamSpec *pspec,
                  PwWorkbook *workbook)
{
  _pw_document_update_title (self);
}

static void
workbook_changed_cb (PwDocument *self,
                     PwWorkbook *workbook)
{
  schedule_draft (self);
}

/* Makes @workbook the document's, recorded by @recorder into the history. */
static void
swap_workbook (PwDocument *self,
               PwWorkbook *workbook,
               PwRecorder *recorder)
{
  gboolean modified = pw_document_get_modified (self);

  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);

  g_set_object (&self->workbook, workbook);
  g_set_object (&self->recorder, recorder);

  if (workbook != NULL)
    {
      g_signal_connect_object (workbook, "notify::modified", G_CALLBACK (workbook_modified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workbook, "notify::name", G_CALLBACK (workbook_name_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workbook, "changed", G_CALLBACK (workbook_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKBOOK]);
  if (modified != pw_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
  _pw_document_update_title (self);
}

void
_pw_document_set_workbook (PwDocument *self,
                           PwWorkbook *workbook)
{
  g_autoptr(PwRecorder) recorder = NULL;

  if (self->workbook == workbook)
    return;

  g_clear_object (&self->recorder);
  pw_history_clear (self->history);

  if (workbook != NULL)
    recorder = pw_recorder_new (workbook, self->history);
  swap_workbook (self, workbook, recorder);
}

/* ------------------------------------------------------------------------
 * Migrating to a newer framework: one step of the history that swaps the
 * workbook for the migrated one, and back.  Both workbooks stay alive with
 * their recorders, so the steps before the migration still apply to the
 * workbook they were recorded on, and the file is byte for byte what it was
 * when the migration is undone.
 */

typedef struct
{
  PwHistoryEntry  parent;
  PwDocument     *document;  /* owns the history, which owns the entry */
  PwWorkbook     *workbooks[2];  /* before, after */
  PwRecorder     *recorders[2];
} MigrationEntry;

static void
migration_entry_apply (PwHistoryEntry *entry,
                       gboolean        forward)
{
  MigrationEntry *self = (MigrationEntry *) entry;

  swap_workbook (self->document, self->workbooks[forward], self->recorders[forward]);
  schedule_draft (self->document);
}

static gboolean
migration_entry_merge (PwHistoryEntry *entry,
                       PwHistoryEntry *next)
{
  return FALSE;
}

static gboolean
migration_entry_is_empty (PwHistoryEntry *entry)
{
  return FALSE;
}

static void
migration_entry_finalize (PwHistoryEntry *entry)
{
  MigrationEntry *self = (MigrationEntry *) entry;

  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&self->recorders[i]);
      g_clear_object (&self->workbooks[i]);
    }
}

static const PwHistoryEntryClass migration_entry_class = {
  sizeof (MigrationEntry),
  migration_entry_apply,
  migration_entry_merge,
  migration_entry_is_empty,
  migration_entry_finalize,
};

/**
 * pw_document_migrate:
 * @migration: a migration of the document's workbook
 *
 * Replaces the document's workbook with @migration's result, as one step
 * that undo takes back.  The file is not written: saving it keeps the
 * previous file as the backup.
 */
void
pw_document_migrate (PwDocument  *self,
                     PwMigration *migration)
{
  g_autofree char *label = NULL;
  MigrationEntry *entry;
  PwWorkbook *result;

  g_return_if_fail (PW_IS_DOCUMENT (self));
  g_return_if_fail (PW_IS_MIGRATION (migration));
  g_return_if_fail (pw_migration_get_workbook (migration) == self->workbook);

  result = pw_migration_get_result (migration);
  pw_workbook_set_modified (result, TRUE);

  /* Translators: what undo takes back; %s is a version number such as 2.0.0 */
  label = g_strdup_printf (_("Migration to Framework %s"),
                           pw_framework_get_version (pw_workbook_get_framework (result)));
  entry = pw_history_entry_new (&migration_entry_class, label);
  entry->document = self;
  entry->workbooks[0] = g_object_ref (self->workbook);
  entry->recorders[0] = g_object_ref (self->recorder);
  entry->workbooks[1] = g_object_ref (result);
  entry->recorders[1] = pw_recorder_new (result, self->history);

  swap_workbook (self, entry->workbooks[1], entry->recorders[1]);
  pw_history_push (self->history, (PwHistoryEntry *) entry);
  schedule_draft (self);
}

/* ------------------------------------------------------------------------
 * The object
 */

static void
pw_document_constructed (GObject *object)
{
  PwDocument *self = (PwDocument *)object;

  G_OBJECT_CLASS (pw_document_parent_class)->constructed (object);

  g_assert (PW_IS_SESSION (self->session));

  g_signal_connect_object (pw_session_get_settings (self->session), "changed::autosave",
                           G_CALLBACK (autosave_changed_cb), self, G_CONNECT_SWAPPED);
  _pw_document_update_title (self);
}

static void
pw_document_dispose (GObject *object)
{
  PwDocument *self = (PwDocument *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  _pw_document_stop_monitor (self);

  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_clear_object (&self->recorder);
  g_clear_object (&self->workbook);
  g_clear_object (&self->history);
  g_clear_object (&self->queue);
  g_clear_object (&self->file);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pw_document_parent_class)->dispose (object);
}

static void
pw_document_finalize (GObject *object)
{
  PwDocument *self = (PwDocument *)object;

  g_free (self->checksum);
  g_free (self->display_name);
  g_free (self->untitled_name);
  g_free (self->title);
  g_free (self->location);
  g_free (self->draft_id);

  G_OBJECT_CLASS (pw_document_parent_class)->finalize (object);
}

static void
pw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwDocument *self = PW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, pw_document_get_modified (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;

    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;

    case PROP_DRAFT_ID:
      g_value_set_string (value, self->draft_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwDocument *self = PW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
readable_object (const char *name,
                 GType       type)
{
  return g_param_spec_object (name, NULL, NULL, type,
                              (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
readable_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static GParamSpec *
readable_boolean (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
}

static void
pw_document_class_init (PwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pw_document_constructed;
  object_class->dispose = pw_document_dispose;
  object_class->finalize = pw_document_finalize;
  object_class->get_property = pw_document_get_property;
  object_class->set_property = pw_document_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         PW_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The workbook, %NULL until one is loaded */
  properties [PROP_WORKBOOK] = readable_object ("workbook", PW_TYPE_WORKBOOK);
  /* The undo history of every edit of the workbook */
  properties [PROP_HISTORY] = readable_object ("history", PW_TYPE_HISTORY);
  /* The file the workbook was loaded from or saved to, %NULL before */
  properties [PROP_FILE] = readable_object ("file", G_TYPE_FILE);
  /* How the document is named for people, never %NULL */
  properties [PROP_TITLE] = readable_string ("title");
  /* The folder of the file for people ("~/Documents"), %NULL without a file */
  properties [PROP_LOCATION] = readable_string ("location");
  /* Whether the workbook has changes that are not saved */
  properties [PROP_MODIFIED] = readable_boolean ("modified");
  /* Whether a load or save runs */
  properties [PROP_BUSY] = readable_boolean ("busy");
  /* Whether someone else changed the file since it was loaded or saved */
  properties [PROP_CHANGED_ON_DISK] = readable_boolean ("changed-on-disk");
  /* The id of the document's draft, %NULL while it has none */
  properties [PROP_DRAFT_ID] = readable_string ("draft-id");

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PwDocument::draft-failed:
   * @error: why
   *
   * Emitted when a draft cannot be written, once until one can again: the
   * unsaved changes are not safe from a crash.
   */
  signals [DRAFT_FAILED] =
    g_signal_new ("draft-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pw_document_init (PwDocument *self)
{
  self->history = pw_history_new ();
  self->queue = pw_write_queue_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * pw_document_new:
 * @session: the session the document belongs to
 *
 * Returns: (transfer full): a document without a workbook yet, to load
 *   one into (pw_document_load_async())
 */
PwDocument *
pw_document_new (PwSession *session)
{
  g_return_val_if_fail (PW_IS_SESSION (session), NULL);

  return g_object_new (PW_TYPE_DOCUMENT, "session", session, NULL);
}

/**
 * pw_document_new_for_workbook:
 * @workbook: a workbook without a file: new, or the example
 * @untitled_name: (nullable): its title until it is saved, or %NULL to
 *   follow the organization's name
 *
 * Returns: (transfer full): a document of @workbook, not saved yet
 */
PwDocument *
pw_document_new_for_workbook (PwSession  *session,
                              PwWorkbook *workbook,
                              const char *untitled_name)
{
  PwDocument *self;

  g_return_val_if_fail (PW_IS_SESSION (session), NULL);
  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);

  self = pw_document_new (session);
  self->untitled_name = g_strdup (untitled_name);
  _pw_document_set_workbook (self, workbook);

  return self;
}

PwSession *
pw_document_get_session (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->session;
}

PwWorkbook *
pw_document_get_workbook (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->workbook;
}

PwHistory *
pw_document_get_history (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->history;
}

GFile *
pw_document_get_file (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
pw_document_get_title (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
pw_document_get_location (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->location;
}

gboolean
pw_document_get_modified (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), FALSE);
  return self->workbook != NULL && pw_workbook_get_modified (self->workbook);
}

gboolean
pw_document_get_busy (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), FALSE);
  return self->busy > 0;
}

gboolean
pw_document_get_changed_on_disk (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), FALSE);
  return self->changed_on_disk;
}

const char *
pw_document_get_draft_id (PwDocument *self)
{
  g_return_val_if_fail (PW_IS_DOCUMENT (self), NULL);
  return self->draft_id;
}
