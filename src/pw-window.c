/* pw-window.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-application.h"
#include "pw-assess-page.h"
#include "pw-window.h"

#define EXAMPLE_RESOURCE RESOURCE_PREFIX "/examples/larkspur.phasewise"
#define MAX_RECENT 5

/*
 * The window of one workbook, and everything that keeps its work safe:
 * open and save (asynchronous, atomic, refusing to overwrite someone
 * else's changes without asking), the unsaved-changes guard on close, open
 * and new, drafts autosaved for crash recovery, undo and redo of answers.
 */

typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_NEW,
  PENDING_OPEN_DIALOG,
  PENDING_OPEN_FILE,
  PENDING_OPEN_EXAMPLE,
} PendingAction;

struct _PwWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *title_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  PwAssessPage         *assess_page;

  GSettings            *settings;
  GCancellable         *cancellable;

  PwWorkbook           *workbook;
  PwHistory            *history;
  PwRecorder           *recorder;
  GFile                *file;
  char                 *untitled_name;
  char                 *draft_id;
  guint                 draft_source;
  guint                 busy;
  char                 *last_error;

  GFileMonitor         *monitor;
  guint                 monitor_source;

  PendingAction         pending;
  GFile                *pending_file;
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (PwWindow, pw_window, ADW_TYPE_APPLICATION_WINDOW)

static void pw_window_actions_update (PwWindow *self);
static void save_workbook (PwWindow    *self,
                           GFile       *file,
                           PwSaveFlags  flags);
static void continue_pending (PwWindow *self);

static PwDrafts *
get_drafts (PwWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return PW_IS_APPLICATION (app) ? pw_application_get_drafts (PW_APPLICATION (app)) : NULL;
}

static void
set_busy (PwWindow *self,
          gboolean  busy)
{
  if (busy)
    self->busy++;
  else
    {
      g_assert (self->busy > 0);
      self->busy--;
    }

  pw_window_actions_update (self);
}

static char *
get_display_name (PwWindow *self)
{
  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (self->file,
                                                     G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        return g_strdup (g_file_info_get_display_name (info));

      return g_file_get_basename (self->file);
    }

  if (self->untitled_name != NULL)
    return g_strdup (self->untitled_name);

  return g_strdup (_("Untitled Workbook"));
}

static void
update_title (PwWindow *self)
{
  g_autofree char *name = get_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  gboolean modified = self->workbook && pw_workbook_get_modified (self->workbook);

  if (self->workbook == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Phasewise"));
      return;
    }

  /* Translators: the title of a workbook with unsaved changes */
  title = modified ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  adw_view_switcher_title_set_title (self->switcher_title, title);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *dir = parent ? g_file_get_parse_name (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (dir != NULL && g_str_has_prefix (dir, home))
        subtitle = g_strconcat ("~", dir + strlen (home), NULL);
      else
        subtitle = g_steal_pointer (&dir);
    }
  else
    {
      subtitle = g_strdup (_("Not saved yet"));
    }
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  {
    /* Translators: the window title: the workbook's name, then the app's */
    g_autofree char *window_title = g_strdup_printf (_("%s — Phasewise"), title);

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }
}

static void
pw_window_actions_update (PwWindow *self)
{
  gboolean has_workbook = self->workbook != NULL;
  gboolean idle = self->busy == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_workbook && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_workbook && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-example", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history && pw_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history && pw_history_get_can_redo (self->history));
}

static void
show_toast (PwWindow   *self,
            const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_error (PwWindow   *self,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup_printf ("%s\n%s", heading, message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Drafts ---------------------------------------------------------------- */

static gboolean
autosave_enabled (PwWindow *self)
{
  return g_settings_get_boolean (self->settings, "autosave");
}

static void
remove_draft (PwWindow *self)
{
  PwDrafts *drafts = get_drafts (self);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (drafts == NULL || self->draft_id == NULL)
    return;

  if (!pw_drafts_remove (drafts, self->draft_id, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Could not remove draft %s: %s", self->draft_id, error->message);
}

static void
draft_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();

  if (!pw_drafts_save_finish (PW_DRAFTS (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not save a draft: %s", error->message);

  if (app != NULL)
    g_application_release (app);
}

/**
 * pw_window_save_draft_now:
 *
 * Writes the draft of an unsaved workbook at once instead of after the
 * autosave delay.
 */
void
pw_window_save_draft_now (PwWindow *self)
{
  PwDrafts *drafts = get_drafts (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  GApplication *app = g_application_get_default ();

  g_return_if_fail (PW_IS_WINDOW (self));

  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (drafts == NULL || self->workbook == NULL || !pw_workbook_get_modified (self->workbook)
      || !autosave_enabled (self))
    return;

  if (self->draft_id == NULL)
    self->draft_id = pw_drafts_new_id ();

  bytes = pw_workbook_serialize (self->workbook);
  title = get_display_name (self);

  /* Keep the application alive until the draft is on disk. */
  if (app != NULL)
    g_application_hold (app);
  pw_drafts_save_async (drafts, self->draft_id, self->file, title, bytes, NULL,
                        draft_saved_cb, NULL);
}

static void
draft_timeout_cb (gpointer user_data)
{
  PwWindow *self = user_data;

  self->draft_source = 0;
  pw_window_save_draft_now (self);
}

static void
workbook_changed_cb (PwWindow   *self,
                     PwWorkbook *workbook)
{
  if (self->draft_source != 0 || !autosave_enabled (self))
    return;

  /* Not restarted by later changes: a draft is at most this old. */
  self->draft_source = g_timeout_add_once (g_settings_get_uint (self->settings,
                                                                "autosave-interval") * 1000,
                                           draft_timeout_cb, self);
}

static void
autosave_changed_cb (PwWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  if (!autosave_enabled (self))
    remove_draft (self);
  else if (self->workbook && pw_workbook_get_modified (self->workbook))
    workbook_changed_cb (self, self->workbook);
}

/* The workbook ---------------------------------------------------------- */

static void
modified_changed_cb (PwWindow   *self,
                     GParamSpec *pspec,
                     PwWorkbook *workbook)
{
  update_title (self);
}

static void
history_changed_cb (PwWindow *self)
{
  pw_window_actions_update (self);
}

static void monitor_changed_cb (PwWindow          *self,
                                GFile             *file,
                                GFile             *other,
                                GFileMonitorEvent  event,
                                GFileMonitor      *monitor);

static void
set_file (PwWindow *self,
          GFile    *file)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->monitor_source, g_source_remove);

  g_set_object (&self->file, file);

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
    }
}

static void
set_workbook (PwWindow   *self,
              PwWorkbook *workbook,
              GFile      *file,
              const char *untitled_name)
{
  if (self->workbook != NULL)
    {
      remove_draft (self);
      g_signal_handlers_disconnect_by_data (self->workbook, self);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  g_clear_pointer (&self->draft_id, g_free);
  g_clear_object (&self->recorder);
  g_clear_object (&self->history);
  g_set_object (&self->workbook, workbook);
  g_free (self->untitled_name);
  self->untitled_name = g_strdup (untitled_name);
  set_file (self, file);

  if (workbook != NULL)
    {
      g_signal_connect_object (workbook, "notify::modified", G_CALLBACK (modified_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workbook, "changed", G_CALLBACK (workbook_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->history = pw_history_new ();
      self->recorder = pw_recorder_new (workbook, self->history);
      g_signal_connect_object (self->history, "notify::can-undo",
                               G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify::can-redo",
                               G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
    }

  pw_assess_page_set_workbook (self->assess_page, workbook);
  gtk_stack_set_visible_child_name (self->main_stack, workbook ? "workbook" : "welcome");
  gtk_stack_set_visible_child_name (self->title_stack, workbook ? "workbook" : "welcome");
  update_title (self);
  pw_window_actions_update (self);
}

static PwFramework *
load_framework (PwWindow *self)
{
  g_autoptr(GError) error = NULL;
  PwFramework *framework = pw_framework_load_bundled (&error);

  if (framework == NULL)
    show_error (self, _("The bundled framework could not be read"), error->message);

  return framework;
}

static void
new_workbook (PwWindow *self)
{
  g_autoptr(PwFramework) framework = load_framework (self);
  g_autoptr(PwWorkbook) workbook = NULL;

  if (framework == NULL)
    return;

  workbook = pw_workbook_new (framework);
  set_workbook (self, workbook, NULL, NULL);
}

static void
open_example (PwWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    workbook = pw_workbook_load_from_bytes (bytes, &error);

  if (workbook == NULL)
    {
      show_error (self, _("The example could not be opened"), error->message);
      return;
    }

  /* Translators: the name of the example workbook before it is saved */
  name = g_strdup_printf (_("%s (Example)"), pw_workbook_get_name (workbook));
  set_workbook (self, workbook, NULL, name);
}

static PwWindow *
find_window_with_file (PwWindow *self,
                       GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = app ? gtk_application_get_windows (app) : NULL; l != NULL; l = l->next)
    {
      if (PW_IS_WINDOW (l->data) && PW_WINDOW (l->data)->file != NULL
          && g_file_equal (PW_WINDOW (l->data)->file, file))
        return l->data;
    }

  return NULL;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) workbook = pw_workbook_load_finish (result, &error);
  GFile *loaded = pw_workbook_load_get_file (result);

  set_busy (self, FALSE);

  if (workbook == NULL)
    {
      g_autofree char *name = g_file_get_basename (loaded);
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could not open “%s”"), name);
      show_error (self, heading, error->message);
      return;
    }

  set_workbook (self, workbook, loaded, NULL);
}

static void
load_file (PwWindow *self,
           GFile    *file)
{
  set_busy (self, TRUE);
  pw_workbook_load_async (file, self->cancellable, load_cb, g_object_ref (self));
}

/* Saving ---------------------------------------------------------------- */

static void
conflict_response_cb (PwWindow         *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "overwrite"))
    save_workbook (self, self->file, PW_SAVE_OVERWRITE);
  else if (g_str_equal (response, "reload"))
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      remove_draft (self);
      pw_workbook_set_modified (self->workbook, FALSE);
      load_file (self, file);
    }
  else
    self->pending = PENDING_NONE;
}

static void
show_conflict (PwWindow *self)
{
  g_autofree char *name = get_display_name (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The File Was Changed"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Someone else changed “%s” since it was opened. Reload "
                                    "it and lose your changes, or overwrite theirs?"),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  PwWorkbook *workbook = PW_WORKBOOK (object);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);

  if (!pw_workbook_save_finish (workbook, result, &error))
    {
      if (workbook != self->workbook)
        return;
      if (g_error_matches (error, PW_ERROR, PW_ERROR_MODIFIED))
        show_conflict (self);
      else
        {
          show_error (self, _("The Workbook Was Not Saved"), error->message);
          self->pending = PENDING_NONE;
        }
      return;
    }

  if (workbook != self->workbook)
    return;

  set_file (self, pw_workbook_get_file (workbook));
  g_clear_pointer (&self->untitled_name, g_free);
  update_title (self);

  if (!pw_workbook_get_modified (workbook))
    remove_draft (self);

  continue_pending (self);
}

static void
save_workbook (PwWindow    *self,
               GFile       *file,
               PwSaveFlags  flags)
{
  set_busy (self, TRUE);
  pw_workbook_save_async (self->workbook, file, flags, self->cancellable, save_cb,
                          g_object_ref (self));
}

static GtkFileFilter *
create_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Phasewise Workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/x-phasewise");
  gtk_file_filter_add_suffix (filter, "phasewise");

  return filter;
}

static void
save_as_response_cb (PwWindow             *self,
                     int                   response,
                     GtkFileChooserNative *native)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (chosen == NULL)
    {
      self->pending = PENDING_NONE;
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (chosen);

    if (!g_str_has_suffix (name, ".phasewise"))
      {
        g_autofree char *with_suffix = g_strconcat (name, ".phasewise", NULL);
        g_autoptr(GFile) parent = g_file_get_parent (chosen);

        g_set_object (&chosen, g_file_get_child (parent, with_suffix));
      }
  }

  pw_window_save_as_file (self, chosen);
}

static void
save_as (PwWindow *self)
{
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  const char *org = pw_workbook_get_name (self->workbook);

  native = gtk_file_chooser_native_new (_("Save Workbook"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), create_filter ());

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), self->file, NULL);
  else
    {
      name = g_strdup_printf ("%s.phasewise", org && *org ? org : _("Workbook"));
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (save_as_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save (PwWindow *self)
{
  if (self->file == NULL)
    save_as (self);
  else
    save_workbook (self, self->file, PW_SAVE_NONE);
}

/* The unsaved-changes guard ---------------------------------------------- */

static void
open_response_cb (PwWindow             *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (chosen != NULL)
    pw_window_open_file (self, chosen);
}

static void
show_open_dialog (PwWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Workbook"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), create_filter ());
  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
continue_pending (PwWindow *self)
{
  PendingAction pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case PENDING_NEW:
      new_workbook (self);
      break;

    case PENDING_OPEN_DIALOG:
      show_open_dialog (self);
      break;

    case PENDING_OPEN_FILE:
      load_file (self, file);
      break;

    case PENDING_OPEN_EXAMPLE:
      open_example (self);
      break;

    case PENDING_NONE:
    default:
      break;
    }
}

static void
unsaved_response_cb (PwWindow         *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "save"))
    save (self);
  else if (g_str_equal (response, "discard"))
    {
      remove_draft (self);
      pw_workbook_set_modified (self->workbook, FALSE);
      continue_pending (self);
    }
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
    }
}

/* Runs @pending now, or after the user chose to save or discard changes. */
static void
run_guarded (PwWindow      *self,
             PendingAction  pending,
             GFile         *file)
{
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  self->pending = pending;
  g_set_object (&self->pending_file, file);

  if (self->workbook == NULL || !pw_workbook_get_modified (self->workbook))
    {
      continue_pending (self);
      return;
    }

  name = get_display_name (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "will be lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pw_window_open_file:
 *
 * Opens @file in this window, asking first about unsaved changes.  When
 * another window has it open already, that window is presented instead.
 */
void
pw_window_open_file (PwWindow *self,
                     GFile    *file)
{
  PwWindow *other;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  other = find_window_with_file (self, file);
  if (other != NULL)
    {
      gtk_window_present (GTK_WINDOW (other));
      return;
    }

  run_guarded (self, PENDING_OPEN_FILE, file);
}

/* The file on disk ------------------------------------------------------ */

static void
reload_toast_cb (PwWindow *self)
{
  if (self->file != NULL)
    run_guarded (self, PENDING_OPEN_FILE, self->file);
}

static void
check_disk_cb (gpointer user_data)
{
  PwWindow *self = user_data;
  AdwToast *toast;

  self->monitor_source = 0;

  if (self->workbook == NULL || self->busy > 0
      || !pw_workbook_changed_on_disk (self->workbook, NULL))
    return;

  toast = adw_toast_new (_("The file was changed by someone else"));
  adw_toast_set_button_label (toast, _("_Reload"));
  adw_toast_set_timeout (toast, 0);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (reload_toast_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
monitor_changed_cb (PwWindow          *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_CHANGED)
    return;

  /* Debounced; our own saves leave the checksum equal and are not reported. */
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add_once (500, check_disk_cb, self);
}

/* Recent workbooks ------------------------------------------------------ */

static void
recent_row_activated_cb (PwWindow     *self,
                         AdwActionRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "pw-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  pw_window_open_file (self, file);
}

static void
update_recent (PwWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint count = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL && count < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) parent = NULL;
      g_autofree char *name = NULL;
      g_autofree char *dir = NULL;
      GtkWidget *row;

      if (!g_str_has_suffix (uri, ".phasewise") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      parent = g_file_get_parent (file);
      name = g_file_get_basename (file);
      dir = parent ? g_file_get_parse_name (parent) : g_strdup ("");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "pw-uri", g_strdup (uri), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (recent_row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->recent_list, row);
      count++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (self->recent_box, count > 0);
}

/* Actions --------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  run_guarded (PW_WINDOW (widget), PENDING_NEW, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  run_guarded (PW_WINDOW (widget), PENDING_OPEN_DIALOG, NULL);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  run_guarded (PW_WINDOW (widget), PENDING_OPEN_EXAMPLE, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (PW_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (PW_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  if (self->history != NULL)
    pw_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);

  if (self->history != NULL)
    pw_history_redo (self->history);
}

static gboolean
drop_cb (PwWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  pw_window_open_file (self, files->data);
  g_slist_free (files);

  return TRUE;
}

/* GObject --------------------------------------------------------------- */

static gboolean
pw_window_close_request (GtkWindow *window)
{
  PwWindow *self = PW_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && self->workbook != NULL
      && pw_workbook_get_modified (self->workbook))
    {
      run_guarded (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  remove_draft (self);

  return GTK_WINDOW_CLASS (pw_window_parent_class)->close_request (window);
}

static void
pw_window_dispose (GObject *object)
{
  PwWindow *self = (PwWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  /* libadwaita 1.2 criticals when a switcher outlives its stack. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_WINDOW);

  g_clear_object (&self->recorder);
  g_clear_object (&self->history);
  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pw_window_parent_class)->dispose (object);
}

static void
pw_window_finalize (GObject *object)
{
  PwWindow *self = (PwWindow *)object;

  g_free (self->untitled_name);
  g_free (self->draft_id);
  g_free (self->last_error);

  G_OBJECT_CLASS (pw_window_parent_class)->finalize (object);
}

static void
pw_window_class_init (PwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pw_window_dispose;
  object_class->finalize = pw_window_finalize;
  window_class->close_request = pw_window_close_request;

  g_type_ensure (PW_TYPE_ASSESS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, PwWindow, assess_page);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

static void
pw_window_init (PwWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (PW_SETTINGS_SCHEMA);
  g_signal_connect_object (self->settings, "changed::autosave",
                           G_CALLBACK (autosave_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  update_recent (self);

  set_workbook (self, NULL, NULL, NULL);
}

PwWindow *
pw_window_new (AdwApplication *application)
{
  return g_object_new (PW_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pw_window_get_workbook:
 *
 * Returns: (transfer none) (nullable): the open workbook
 */
PwWorkbook *
pw_window_get_workbook (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->workbook;
}

GFile *
pw_window_get_file (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * pw_window_is_empty:
 *
 * Returns: %TRUE when the window shows its welcome page
 */
gboolean
pw_window_is_empty (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), FALSE);
  return self->workbook == NULL && self->busy == 0;
}

gboolean
pw_window_get_busy (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), FALSE);
  return self->busy > 0;
}

const char *
pw_window_get_draft_id (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->draft_id;
}

GtkWidget *
pw_window_get_assess_page (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->assess_page);
}

/**
 * pw_window_get_last_error:
 *
 * Returns: (nullable): the heading and message of the last error shown
 */
const char *
pw_window_get_last_error (PwWindow *self)
{
  g_return_val_if_fail (PW_IS_WINDOW (self), NULL);
  return self->last_error;
}

/**
 * pw_window_save_as_file:
 *
 * Saves the workbook to @file, as "Save As" does once a file was chosen.
 */
void
pw_window_save_as_file (PwWindow *self,
                        GFile    *file)
{
  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->workbook != NULL);

  save_workbook (self, file, PW_SAVE_NONE);
}

/**
 * pw_window_restore_draft:
 *
 * Opens a draft left by a session that crashed, as a modified workbook
 * that belongs to its original file, if it had one.
 */
void
pw_window_restore_draft (PwWindow    *self,
                         PwDraftInfo *info)
{
  PwDrafts *drafts = get_drafts (self);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (drafts != NULL);

  bytes = pw_drafts_load (drafts, info->id, &error);
  if (bytes != NULL)
    workbook = pw_workbook_load_from_bytes (bytes, &error);

  if (workbook == NULL)
    {
      show_error (self, _("A Draft Could Not Be Recovered"), error->message);
      return;
    }

  if (info->uri != NULL)
    file = g_file_new_for_uri (info->uri);

  /* Saving goes back to the original file, whatever it holds now: the user
   * was told that these are recovered changes. */
  if (file != NULL)
    _pw_workbook_set_disk_state (workbook, file, NULL, NULL);

  set_workbook (self, workbook, file, file ? NULL : info->title);
  /* Keep the draft under its id until the user saves or discards it. */
  self->draft_id = g_strdup (info->id);
  pw_workbook_set_modified (workbook, TRUE);
  update_title (self);

  show_toast (self, info->older_than_file
                    ? _("Recovered unsaved changes; the file on disk is newer than them")
                    : _("Recovered unsaved changes from the last session"));
}
