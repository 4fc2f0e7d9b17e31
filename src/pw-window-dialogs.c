/* pw-window-dialogs.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-window-private.h"

/*
 * The questions a PwWindow asks so that no work is lost: save changes
 * before they would be lost, someone else changed the file, where to save,
 * reload.  Each question carries what to do after it (a Continuation),
 * which only its own answer runs.
 */

/* ------------------------------------------------------------------------
 * What to do after a question
 */

typedef struct
{
  PwWindow       *window;
  PwWindowContinue func;    /* NULL: nothing */
  gpointer        data;
  GDestroyNotify  destroy;
} Continuation;

static Continuation *
continuation_new (PwWindow         *self,
                  PwWindowContinue  func,
                  gpointer          data,
                  GDestroyNotify    destroy)
{
  Continuation *k = g_new0 (Continuation, 1);

  k->window = g_object_ref (self);
  k->func = func;
  k->data = data;
  k->destroy = destroy;

  return k;
}

static void
continuation_free (Continuation *k)
{
  if (k == NULL)
    return;

  if (k->destroy != NULL && k->data != NULL)
    k->destroy (k->data);
  g_clear_object (&k->window);
  g_free (k);
}

static void
continuation_closure_free (gpointer  data,
                           GClosure *closure)
{
  continuation_free (data);
}

/* Takes over what @k would run, leaving it empty, for a dialog's response
 * to hand on while the dialog frees the shell. */
static Continuation *
continuation_take (Continuation *k)
{
  Continuation *taken = g_memdup2 (k, sizeof *k);

  k->window = NULL;
  k->func = NULL;
  k->data = NULL;

  return taken;
}

static void
continuation_run (Continuation *k)
{
  if (k->func != NULL)
    k->func (k->window, k->data);
  continuation_free (k);
}

/* ------------------------------------------------------------------------
 * Messages
 */

/* libadwaita 1.2 frees a toast's state when its hide animation ends, and
 * its show animation, if it still runs, then reads the freed memory (fixed
 * in libadwaita 1.3 by "toast-overlay: Prevent show_done from firing after
 * hide_done").  That happens when a toast is taken away, or a
 * high-priority one takes its place, while the show animation of the toast
 * given last runs (500 ms at most).  Animations run on the frame clock,
 * which stands still while the window draws nothing (behind a dialog, on a
 * busy machine): a wait on the wall clock can be over before the animation
 * has moved.  So the overlay takes a toast, and a toast is taken away, only
 * once the overlay's frame time is TOAST_SETTLE_USEC past the toast given
 * last; what waits for that waits here, in order, and is done in a frame
 * of the overlay (or at once while the overlay is not shown: it skips its
 * animations then). */
#define TOAST_SETTLE_USEC (600 * G_TIME_SPAN_MILLISECOND)

static void toasts_go_on (PwWindow *self,
                          gboolean  in_frame);

/* Whether the show animation of the toast given last is surely over.
 * Outside a frame the clock gives the time of day, not how far the
 * animations got: only a frame can tell. */
static gboolean
toasts_settled (PwWindow *self,
                gboolean  in_frame)
{
  GtkWidget *overlay = GTK_WIDGET (self->toast_overlay);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (overlay);

  if (!self->toast_animating || !gtk_widget_get_mapped (overlay) || clock == NULL)
    return TRUE;
  if (!in_frame
      || gdk_frame_clock_get_frame_time (clock) - self->toast_given < TOAST_SETTLE_USEC)
    return FALSE;

  self->toast_animating = FALSE;
  return TRUE;
}

static gboolean
toast_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  PwWindow *self = user_data;

  if (!toasts_settled (self, TRUE))
    return G_SOURCE_CONTINUE;

  self->toast_tick = 0;
  toasts_go_on (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
give_toast (PwWindow *self,
            AdwToast *toast)
{
  GtkWidget *overlay = GTK_WIDGET (self->toast_overlay);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (overlay);

  /* The frame time that its animation starts from */
  self->toast_animating = gtk_widget_get_mapped (overlay) && clock != NULL;
  if (self->toast_animating)
    self->toast_given = gdk_frame_clock_get_frame_time (clock);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Takes away the toasts that wait for it and gives those that wait, as
 * far as the toasts have settled; what is left waits for a frame. */
static void
toasts_go_on (PwWindow *self,
              gboolean  in_frame)
{
  while (toasts_settled (self, in_frame))
    {
      AdwToast *toast = g_queue_pop_head (&self->dismissing_toasts);

      if (toast != NULL)
        {
          adw_toast_dismiss (toast);
          g_object_unref (toast);
          continue;
        }

      toast = g_queue_pop_head (&self->pending_toasts);
      if (toast == NULL)
        break;
      give_toast (self, toast);
    }

  if (self->toast_tick == 0
      && (!g_queue_is_empty (&self->pending_toasts)
          || !g_queue_is_empty (&self->dismissing_toasts)))
    self->toast_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->toast_overlay),
                                                     toast_tick_cb, self, NULL);
}

/*
 * _pw_window_add_toast:
 * @toast: (transfer full): a toast, new or shown already (then its timeout
 *   starts again)
 *
 * Shows @toast in the window's overlay, at once or, right after another
 * toast, a moment later (see TOAST_SETTLE_USEC).
 */
void
_pw_window_add_toast (PwWindow *self,
                      AdwToast *toast)
{
  if (g_queue_find (&self->pending_toasts, toast) != NULL)
    {
      g_object_unref (toast);
      return;
    }

  g_queue_push_tail (&self->pending_toasts, toast);
  toasts_go_on (self, FALSE);
}

/*
 * _pw_window_dismiss_toast:
 *
 * Takes @toast away: at once if it still waits to be shown (then it says
 * nothing: returns %TRUE), otherwise once the toasts have settled (see
 * TOAST_SETTLE_USEC), when it is dismissed (returns %FALSE).
 */
gboolean
_pw_window_dismiss_toast (PwWindow *self,
                          AdwToast *toast)
{
  if (g_queue_remove (&self->pending_toasts, toast))
    {
      g_object_unref (toast);
      return TRUE;
    }

  if (g_queue_find (&self->dismissing_toasts, toast) == NULL)
    g_queue_push_tail (&self->dismissing_toasts, g_object_ref (toast));
  toasts_go_on (self, FALSE);
  return FALSE;
}

/* Keeps @toast if it waits to be taken away; returns whether it did. */
gboolean
_pw_window_keep_toast (PwWindow *self,
                       AdwToast *toast)
{
  if (!g_queue_remove (&self->dismissing_toasts, toast))
    return FALSE;

  g_object_unref (toast);
  return TRUE;
}

/* Stops what waits for the toasts to settle, as the window goes */
void
_pw_window_clear_toasts (PwWindow *self)
{
  if (self->toast_tick != 0 && self->toast_overlay != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->toast_overlay), self->toast_tick);
  self->toast_tick = 0;
  g_queue_clear_full (&self->pending_toasts, g_object_unref);
  g_queue_clear_full (&self->dismissing_toasts, g_object_unref);
}

void
pw_window_show_toast (PwWindow   *self,
                      const char *text)
{
  g_return_if_fail (PW_IS_WINDOW (self));

  _pw_window_add_toast (self, adw_toast_new (text));
}

/* A dialog over @self that @dismiss (its response @dismiss_id) closes */
static AdwMessageDialog *
create_dialog_full (PwWindow   *self,
                    const char *heading,
                    const char *body,
                    const char *dismiss_id,
                    const char *dismiss)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, dismiss_id, dismiss);
  adw_message_dialog_set_default_response (dialog, dismiss_id);
  adw_message_dialog_set_close_response (dialog, dismiss_id);

  return dialog;
}

/* A question over @self, with Cancel */
static AdwMessageDialog *
create_dialog (PwWindow   *self,
               const char *heading,
               const char *body)
{
  return create_dialog_full (self, heading, body, "cancel", _("_Cancel"));
}

void
_pw_window_show_error (PwWindow   *self,
                       const char *heading,
                       const char *message)
{
  AdwMessageDialog *dialog = create_dialog_full (self, heading, message, "close", _("_Close"));

  gtk_window_present (GTK_WINDOW (dialog));
}

/* Shows @dialog; its response runs @callback with @k, which it owns. */
static void
ask (AdwMessageDialog *dialog,
     GCallback         callback,
     Continuation     *k)
{
  g_signal_connect_data (dialog, "response", callback, k, continuation_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------
 * Saving
 */

static void save_then       (PwWindow     *self,
                             GFile        *file,
                             PwSaveFlags   flags,
                             Continuation *k);
static void when_safe       (Continuation *k);
static void choose_and_save (PwWindow     *self,
                             Continuation *k);
static void reload_now      (PwWindow     *self,
                             gpointer      data);

static void
conflict_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Continuation     *k)
{
  if (g_str_equal (response, "overwrite"))
    save_then (k->window, NULL, PW_SAVE_OVERWRITE, continuation_take (k));
  else if (g_str_equal (response, "reload"))
    reload_now (k->window, NULL);
}

static void
show_conflict (PwWindow     *self,
               Continuation *k)
{
  AdwMessageDialog *dialog = create_dialog (self, _("The File Was Changed"), NULL);

  adw_message_dialog_format_body (dialog,
                                  _("Someone else changed “%s” since it was opened. Reload "
                                    "it and lose your changes, or overwrite theirs?"),
                                  pw_document_get_title (self->document));
  adw_message_dialog_add_responses (dialog,
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  ask (dialog, G_CALLBACK (conflict_response_cb), k);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  PwDocument *document = PW_DOCUMENT (object);
  Continuation *k = user_data;
  PwWindow *self = k->window;
  g_autoptr(GError) error = NULL;

  if (pw_document_save_finish (document, result, &error))
    {
      g_autofree char *uri = g_file_get_uri (pw_document_get_file (document));

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      /* What was edited while the save ran is not saved: ask again. */
      if (document == self->document)
        {
          when_safe (k);
          return;
        }
    }
  else if (document == self->document
           && g_error_matches (error, PW_ERROR, PW_ERROR_MODIFIED))
    {
      show_conflict (self, k);
      return;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _pw_window_show_error (self, _("The Workbook Was Not Saved"), error->message);
    }

  continuation_free (k);
}

/* Saves to @file (%NULL: the document's own, or one to choose), then @k. */
static void
save_then (PwWindow     *self,
           GFile        *file,
           PwSaveFlags   flags,
           Continuation *k)
{
  if (file == NULL && pw_document_get_file (self->document) == NULL)
    {
      choose_and_save (self, k);
      return;
    }

  pw_document_save_async (self->document, file, flags, self->cancellable, saved_cb, k);
  _pw_window_actions_update (self);
}

/* A file chooser for workbooks, modal on @self. */
GtkFileChooserNative *
_pw_window_create_chooser (PwWindow             *self,
                           const char           *title,
                           GtkFileChooserAction  action,
                           const char           *accept_label)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, _("Phasewise Workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/x-phasewise");
  gtk_file_filter_add_suffix (filter, "phasewise");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  return native;
}

static void
save_as_response_cb (GtkFileChooserNative *native,
                     int                   response,
                     Continuation         *k)
{
  g_autoptr(GFile) chosen = NULL;
  PwWindow *self = k->window;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));

  /* The file chosen is the one written: under Flatpak the portal grants
   * exactly that name, so nothing is added to it afterwards. */
  if (chosen != NULL && self->document != NULL)
    save_then (self, chosen, PW_SAVE_NONE, continuation_take (k));

  g_object_unref (native);
}

/* The name the file chooser proposes: the current one, or the
 * organization's, always with the extension. */
static char *
get_proposed_name (PwWindow *self)
{
  PwWorkbook *workbook = pw_document_get_workbook (self->document);
  const char *org = pw_workbook_get_name (workbook);
  char *name = g_strdup_printf ("%s.phasewise", org && *org ? org : _("Workbook"));

  g_strdelimit (name, "/\\", '-');

  return name;
}

static void
choose_and_save (PwWindow     *self,
                 Continuation *k)
{
  GtkFileChooserNative *native;
  GFile *file = pw_document_get_file (self->document);

  native = _pw_window_create_chooser (self, _("Save Workbook"),
                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), file, NULL);
  else
    {
      g_autofree char *name = get_proposed_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect_data (native, "response", G_CALLBACK (save_as_response_cb), k,
                         continuation_closure_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_pw_window_save (PwWindow *self)
{
  if (self->document != NULL)
    save_then (self, NULL, PW_SAVE_NONE, continuation_new (self, NULL, NULL, NULL));
}

void
_pw_window_save_as (PwWindow *self)
{
  if (self->document != NULL)
    choose_and_save (self, continuation_new (self, NULL, NULL, NULL));
}

/* ------------------------------------------------------------------------
 * Before work is lost
 */

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Continuation     *k)
{
  PwWindow *self = k->window;

  /* Discarding leaves the document as it is: what @k does next lets it go
   * (closing, or another document shown in its place), or, when that fails,
   * keeps it with its changes and its draft. */
  if (g_str_equal (response, "save"))
    save_then (self, NULL, PW_SAVE_NONE, continuation_take (k));
  else if (g_str_equal (response, "discard"))
    continuation_run (continuation_take (k));
}

/* Runs @k now, or once the user chose to save or to discard changes. */
static void
when_safe (Continuation *k)
{
  PwWindow *self = k->window;
  AdwMessageDialog *dialog;

  if (k->func == NULL || self->document == NULL || !pw_document_get_modified (self->document))
    {
      continuation_run (k);
      return;
    }

  dialog = create_dialog (self, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "will be lost."),
                                  pw_document_get_title (self->document));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  ask (dialog, G_CALLBACK (unsaved_response_cb), k);
}

/* Runs @func now, or once the user chose to save or to discard changes. */
void
_pw_window_when_safe (PwWindow         *self,
                      PwWindowContinue  func,
                      gpointer          data,
                      GDestroyNotify    destroy)
{
  when_safe (continuation_new (self, func, data, destroy));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Continuation     *k)
{
  if (g_str_equal (response, "reload"))
    continuation_run (continuation_take (k));
}

static void
reloaded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pw_document_reload_finish (PW_DOCUMENT (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could not reload “%s”"),
                                 pw_document_get_title (PW_DOCUMENT (object)));
      _pw_window_show_error (self, heading, error->message);
    }

  _pw_window_actions_update (self);
}

static void
reload_now (PwWindow *self,
            gpointer  data)
{
  if (self->document == NULL || pw_document_get_file (self->document) == NULL)
    return;

  pw_document_reload_async (self->document, self->cancellable, reloaded_cb, g_object_ref (self));
  _pw_window_actions_update (self);
}

/* Loads the file again; with unsaved changes, after asking. */
void
_pw_window_reload (PwWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->document == NULL || pw_document_get_file (self->document) == NULL)
    return;

  if (!pw_document_get_modified (self->document))
    {
      reload_now (self, NULL);
      return;
    }

  dialog = create_dialog (self, _("Reload the Workbook?"), NULL);
  adw_message_dialog_format_body (dialog,
                                  _("The changes to “%s” that are not saved will be lost."),
                                  pw_document_get_title (self->document));
  adw_message_dialog_add_response (dialog, "reload", _("_Reload"));
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  ask (dialog, G_CALLBACK (reload_response_cb), continuation_new (self, reload_now, NULL, NULL));
}


/* ------------------------------------------------------------------------
 * Exports: the policy checklist, the organization map
 */

enum {
  EXPORT_POLICY_CSV,
  EXPORT_MAP_SVG,
  EXPORT_MAP_PNG,
};

static void
write_export_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "pw-file");
  g_autoptr(GError) error = NULL;

  if (pw_file_replace_contents (file, task_data, NULL, PW_FILE_WRITE_DURABLE, NULL, cancellable,
                                &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Says that @file could not be written and why, in a dialog that names it */
static void
show_export_error (PwWindow     *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  /* The user is told: a debug message, not a warning (a folder gone is
   * not the program's bug) */
  g_debug ("Could not export to %s: %s", name, error->message);
  /* Translators: %s is the name of the file an export was to go to */
  text = g_strdup_printf (_("Could Not Export “%s”"), name);
  _pw_window_show_error (self, text, error->message);
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PwWindow *self = PW_WINDOW (object);
  GFile *file = g_object_get_data (G_OBJECT (result), "pw-file");
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_export_error (self, file, error);
      return;
    }

  /* Translators: a toast; %s is the name of the file written */
  text = g_strdup_printf (_("Exported “%s”"), name);
  pw_window_show_toast (self, text);
}

/* Writes @bytes to @file whole or not at all, in a thread; says where it
 * went in a toast, or why not in a dialog that names the file. */
static void
write_export (PwWindow *self,
              GFile    *file,
              GBytes   *bytes)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, self->cancellable, export_written_cb, NULL);
  g_task_set_source_tag (task, write_export);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "pw-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, write_export_thread);
}

/* Writes the policy checklist as CSV to @file (see write_export()). */
void
_pw_window_write_policy_csv (PwWindow *self,
                             GFile    *file)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  bytes = pw_policy_to_csv (pw_workbook_get_policy (pw_document_get_workbook (self->document)),
                            NULL);
  write_export (self, file, bytes);
}

/* Writes the organization map as @format to @file (see write_export()),
 * in the window's style, light or dark, as it is drawn on the screen. */
void
_pw_window_write_map (PwWindow          *self,
                      GFile             *file,
                      PwMapExportFormat  format)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDate today;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  bytes = pw_map_export_to_bytes (pw_document_get_workbook (self->document), format,
                                  adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                  &today, &error);
  if (bytes == NULL)
    {
      show_export_error (self, file, error);
      return;
    }
  write_export (self, file, bytes);
}

/* The export chooser's answer: what it exports is in its "pw-export" */
static void
export_response_cb (GtkFileChooserNative *native,
                    int                   response,
                    PwWindow             *self)
{
  g_autoptr(GFile) chosen = NULL;
  int what = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "pw-export"));

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (chosen == NULL)
    return;
  if (what == EXPORT_POLICY_CSV)
    _pw_window_write_policy_csv (self, chosen);
  else
    _pw_window_write_map (self, chosen,
                          what == EXPORT_MAP_SVG ? PW_MAP_EXPORT_SVG : PW_MAP_EXPORT_PNG);
}

/* The workbook's name, for the name of an export */
static const char *
get_export_stem (PwWindow *self)
{
  const char *workbook = pw_workbook_get_name (pw_document_get_workbook (self->document));

  return workbook && *workbook ? workbook : _("Workbook");
}

/* Asks where to save an export, proposing @name (its slashes made dashes) */
static void
choose_export_file (PwWindow   *self,
                    int         what,
                    const char *title,
                    const char *filter_name,
                    const char *mime_type,
                    const char *suffix,
                    char       *name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data (G_OBJECT (native), "pw-export", GINT_TO_POINTER (what));
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Asks where to save the policy checklist as CSV, and writes it there. */
void
_pw_window_export_policy_csv (PwWindow *self)
{
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  /* Translators: the file name proposed for the policy checklist as CSV;
   * %s is the workbook's name */
  name = g_strdup_printf (_("%s policy checklist.csv"), get_export_stem (self));
  choose_export_file (self, EXPORT_POLICY_CSV, _("Export the Policy Checklist"), _("CSV Files"),
                      "text/csv", "csv", name);
}

/* Asks where to save the organization map as SVG or PNG, and writes it there. */
void
_pw_window_export_map (PwWindow          *self,
                       PwMapExportFormat  format)
{
  gboolean svg = format == PW_MAP_EXPORT_SVG;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;

  if (svg)
    /* Translators: the file name proposed for the organization map as a
     * picture; %s is the workbook's name */
    name = g_strdup_printf (_("%s organization map.svg"), get_export_stem (self));
  else
    /* Translators: the file name proposed for the organization map as a
     * picture; %s is the workbook's name */
    name = g_strdup_printf (_("%s organization map.png"), get_export_stem (self));
  choose_export_file (self, svg ? EXPORT_MAP_SVG : EXPORT_MAP_PNG,
                      _("Export the Organization Map"),
                      svg ? _("SVG Pictures") : _("PNG Pictures"),
                      svg ? "image/svg+xml" : "image/png", svg ? "svg" : "png", name);
}

