/* pw-report-exporter.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-exporter"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-report-exporter.h"
#include "pw-report-layout.h"
#include "pw-window-private.h"

/* How long an export goes on before its progress is shown: a quick one
 * never flashes a bar. */
#define REVEAL_DELAY_MSEC 300
/* How often the bar pulses while a renderer says nothing of its progress */
#define PULSE_MSEC 150

/**
 * PwReportExporter:
 *
 * Exports a report to a file in a worker thread, and prints it: see
 * pw-report-exporter.h.  Held by the report page of a window; holds the
 * window and its toast overlay only weakly.
 */
struct _PwReportExporter
{
  GObject               parent_instance;

  GtkWindow            *parent;        /* weak */
  AdwToastOverlay      *toasts;        /* weak */

  GtkWidget            *revealer;      /* the progress bar, owned */
  GtkProgressBar       *progress;
  GtkWidget            *cancel_button;

  GTask                *task;          /* the export under way */
  GCancellable         *cancellable;   /* …and what cancels it */
  GtkFileChooserNative *chooser;       /* asking where, while it does */
  GtkPrintOperation    *print_op;      /* the print-out under way */
  PwReportLayout       *print_layout;  /* …laid out on its pages */
  GError               *print_error;   /* …and why it failed, from begin-print */
  GtkPrintSettings     *print_settings; /* the printer and options last printed with */
  guint                 reveal_source;
  guint                 pulse_source;
};

G_DEFINE_FINAL_TYPE (PwReportExporter, pw_report_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARENT,
  PROP_TOASTS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One export: what the worker thread reads, and the progress it reports.
 * The exporter is held here, not as the task's source object, so that it
 * is let go in the main thread (export_done_cb()), never by the worker's
 * last reference to the task. */
typedef struct
{
  PwReportExporter *self;             /* main thread only */
  PwReport         *report;
  PwReportFormat    format;
  PwPaperSize       paper;
  GFile            *file;
  int               permille;         /* atomic: the latest progress, 0–1000, or -1 */
  int               progress_queued;  /* atomic: a progress update waits for the main loop */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_assert (job->self == NULL);
  g_clear_object (&job->report);
  g_clear_object (&job->file);
  g_free (job);
}

/* ------------------------------------------------------------------------
 * Busy
 */

gboolean
pw_report_exporter_get_busy (PwReportExporter *self)
{
  g_return_val_if_fail (PW_IS_REPORT_EXPORTER (self), FALSE);

  return self->task != NULL || self->print_op != NULL;
}

/* Call after changing task or print_op: notifies when busy changed */
static void
notify_busy (PwReportExporter *self,
             gboolean          was_busy)
{
  if (was_busy != pw_report_exporter_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ------------------------------------------------------------------------
 * What the user is told
 */

static void
add_toast (PwReportExporter *self,
           AdwToast         *toast)
{
  if (self->toasts == NULL)
    {
      g_object_unref (toast);
      return;
    }

  /* The window paces its toasts (_pw_window_add_toast()); elsewhere the
   * overlay takes it as it is */
  if (PW_IS_WINDOW (self->parent) && PW_WINDOW (self->parent)->toast_overlay == self->toasts)
    _pw_window_add_toast (PW_WINDOW (self->parent), toast);
  else
    adw_toast_overlay_add_toast (self->toasts, toast);
}

/* A dialog over the window: @heading (it names the file), @message why */
static void
show_error (PwReportExporter *self,
            const char       *heading,
            const char       *message)
{
  GtkWidget *dialog;

  if (self->parent == NULL)
    return;

  dialog = adw_message_dialog_new (self->parent, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_export_error (PwReportExporter *self,
                   GFile            *file,
                   const GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;

  /* The user is told: a debug message, not a warning (a folder gone is not
   * the program's bug) */
  g_debug ("Could not export the report to %s: %s", name, error->message);
  /* Translators: the heading of a message; %s is the name of the file an
   * export was to go to */
  heading = g_strdup_printf (_("Could Not Export “%s”"), name);
  show_error (self, heading, error->message);
}

/* What the toast's Open opens, and who says when it cannot */
typedef struct
{
  PwReportExporter *self;
  GFile            *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

static void
launched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *text = NULL;

      g_debug ("Could not open the exported report %s: %s", name, error->message);
      /* Translators: a toast; the first %s is the name of a file, the
       * second why it could not be opened */
      text = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);
      add_toast (data->self, adw_toast_new (text));
    }
  open_data_free (data);
}

/* The toast's Open: the exported file in the application that the desktop
 * opens its type with (through the OpenURI portal in Flatpak) */
static void
open_clicked_cb (AdwToast         *toast,
                 PwReportExporter *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "pw-file");
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  OpenData *data = g_new0 (OpenData, 1);

  if (self->parent != NULL)
    context = G_APP_LAUNCH_CONTEXT (
      gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self->parent))));
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  g_app_info_launch_default_for_uri_async (uri, context, NULL, launched_cb, data);
}

static void
show_written (PwReportExporter *self,
              GFile            *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;
  AdwToast *toast;

  /* Translators: a toast; %s is the name of the file written */
  text = g_strdup_printf (_("Report exported to “%s”"), name);
  toast = adw_toast_new (text);
  /* Translators: the button of the toast "Report exported to …": opens the file */
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "pw-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_clicked_cb), self, 0);
  add_toast (self, toast);
}

/* ------------------------------------------------------------------------
 * The progress bar
 */

static gboolean
pulse_cb (gpointer user_data)
{
  PwReportExporter *self = user_data;

  gtk_progress_bar_pulse (self->progress);

  return G_SOURCE_CONTINUE;
}

static void
reveal_progress_cb (gpointer user_data)
{
  PwReportExporter *self = user_data;

  self->reveal_source = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  /* Until a renderer says how far it is */
  if (self->pulse_source == 0 && gtk_progress_bar_get_fraction (self->progress) == 0.0)
    self->pulse_source = g_timeout_add (PULSE_MSEC, pulse_cb, self);
}

static void
hide_progress (PwReportExporter *self)
{
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
}

/* In the main thread: the latest progress of @task's export */
static gboolean
show_progress_cb (gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);
  PwReportExporter *self = job->self;
  int permille;

  g_atomic_int_set (&job->progress_queued, 0);
  permille = g_atomic_int_get (&job->permille);
  if (self == NULL || self->task != task || permille < 0)
    return G_SOURCE_REMOVE;

  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress, permille / 1000.0);

  return G_SOURCE_REMOVE;
}

/* In the thread that renders: queues one update at a time for the main loop */
static void
report_progress_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  ExportJob *job = g_task_get_task_data (task);

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0.0, 1.0) * 1000));
  if (g_atomic_int_compare_and_exchange (&job->progress_queued, 0, 1))
    g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                show_progress_cb, g_object_ref (task), g_object_unref);
}

static void
cancel_clicked_cb (PwReportExporter *self)
{
  pw_report_exporter_cancel (self);
}

static void
create_progress_bar (PwReportExporter *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  /* Translators: beside the progress bar of an export */
  label = gtk_label_new (_("Exporting report…"));
  gtk_widget_add_css_class (label, "dim-label");

  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_progress_bar_set_pulse_step (self->progress, 0.1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);

  /* Translators: stops the export under way; nothing is written */
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_object (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));
  gtk_box_append (GTK_BOX (box), self->cancel_button);

  self->revealer = g_object_ref_sink (gtk_revealer_new ());
  gtk_widget_add_css_class (self->revealer, "pw-export-progress");
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);
}

/**
 * pw_report_exporter_get_progress_bar:
 *
 * Returns: (transfer none): the exporter's progress bar, for the caller to
 *   place (once): a #GtkRevealer, revealed while an export takes more than
 *   a moment
 */
GtkWidget *
pw_report_exporter_get_progress_bar (PwReportExporter *self)
{
  g_return_val_if_fail (PW_IS_REPORT_EXPORTER (self), NULL);

  return self->revealer;
}

/* ------------------------------------------------------------------------
 * Exporting
 */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (pw_report_export (job->report, job->format, job->paper, job->file,
                        report_progress_cb, task, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);
  g_autoptr(PwReportExporter) self = g_steal_pointer (&job->self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (job->file);
  gboolean was_busy = pw_report_exporter_get_busy (self);

  /* The report goes here, in the main thread, not with the task wherever
   * it is dropped last: the worker has no more use for it */
  g_clear_object (&job->report);

  if (self->task == task)
    {
      g_clear_object (&self->task);
      g_clear_object (&self->cancellable);
      hide_progress (self);
    }
  notify_busy (self, was_busy);

  if (g_task_propagate_boolean (task, &error))
    show_written (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_error (self, file, error);
}

/**
 * pw_report_exporter_export_to_file:
 * @report: a report, not changed from now on
 * @file: where it goes: replaced whole, or left as it was
 *
 * Renders @report as @format (on @paper for a PDF) in a worker thread and
 * writes it to @file.  A toast says where it went, a dialog why it did
 * not; while it goes on, the progress bar shows after a moment.  Ignored
 * while the exporter is busy.
 */
void
pw_report_exporter_export_to_file (PwReportExporter *self,
                                   PwReport         *report,
                                   PwReportFormat    format,
                                   PwPaperSize       paper,
                                   GFile            *file)
{
  ExportJob *job;
  gboolean was_busy;

  g_return_if_fail (PW_IS_REPORT_EXPORTER (self));
  g_return_if_fail (PW_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));

  was_busy = pw_report_exporter_get_busy (self);
  if (was_busy)
    return;

  job = g_new0 (ExportJob, 1);
  job->self = g_object_ref (self);
  job->report = g_object_ref (report);
  job->format = format;
  job->paper = paper;
  job->file = g_object_ref (file);
  job->permille = -1;

  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (NULL, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (self->task, pw_report_exporter_export_to_file);
  g_task_set_name (self->task, "[phasewise] report export");
  g_task_set_task_data (self->task, job, (GDestroyNotify) export_job_free);
  /* A file written just as Cancel is pressed was written: say so */
  g_task_set_check_cancellable (self->task, FALSE);

  gtk_progress_bar_set_fraction (self->progress, 0.0);
  self->reveal_source = g_timeout_add_once (REVEAL_DELAY_MSEC, reveal_progress_cb, self);
  notify_busy (self, was_busy);

  g_task_run_in_thread (self->task, export_thread);
}

typedef struct
{
  PwReport       *report;
  PwReportFormat  format;
  PwPaperSize     paper;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->report);
  g_free (data);
}

static void
chooser_response_cb (GtkFileChooserNative *native,
                     int                   response,
                     PwReportExporter     *self)
{
  ChooserData *data = g_object_get_data (G_OBJECT (native), "pw-export");
  g_autoptr(PwReport) report = g_object_ref (data->report);
  PwReportFormat format = data->format;
  PwPaperSize paper = data->paper;
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  if (self->chooser == native)
    g_clear_object (&self->chooser);

  if (chosen != NULL)
    pw_report_exporter_export_to_file (self, report, format, paper, chosen);
}

/* The name of files of @format, for the chooser's filter, and their type */
static const char *
get_filter_name (PwReportFormat   format,
                 const char     **mime_type)
{
  switch (format)
    {
    case PW_REPORT_FORMAT_HTML:
      *mime_type = "text/html";
      return _("HTML Files");
    case PW_REPORT_FORMAT_PDF:
      *mime_type = "application/pdf";
      return _("PDF Documents");
    case PW_REPORT_FORMAT_MARKDOWN:
      *mime_type = "text/markdown";
      return _("Markdown Files");
    case PW_REPORT_FORMAT_CSV:
      *mime_type = "text/csv";
      return _("CSV Files");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The name proposed: @suggested_name, or the organization's "… report",
 * with the format's extension, its slashes made dashes */
static char *
propose_name (PwReport       *report,
              PwReportFormat  format,
              const char     *suggested_name)
{
  const char *extension = pw_report_format_get_extension (format);
  g_autofree char *suffix = g_strconcat (".", extension, NULL);
  g_autofree char *stem = NULL;
  char *name;

  if (suggested_name != NULL && *suggested_name != '\0')
    stem = g_strdup (suggested_name);
  else
    {
      const char *organization = pw_workbook_get_name (pw_report_get_workbook (report));

      if (organization != NULL && *organization != '\0')
        /* Translators: the file name proposed for a report, without its
         * extension; %s is the organization's name */
        stem = g_strdup_printf (_("%s report"), organization);
      else
        /* Translators: the file name proposed for a report of an
         * organization without a name, without its extension */
        stem = g_strdup (_("Report"));
    }

  if (g_str_has_suffix (stem, suffix))
    name = g_steal_pointer (&stem);
  else
    name = g_strconcat (stem, suffix, NULL);
  g_strdelimit (name, "/\\", '-');

  return name;
}

/**
 * pw_report_exporter_export:
 * @report: a report, not changed from now on
 * @suggested_name: (nullable): the file name to propose, with or without
 *   the extension; %NULL for the organization's name and "report"
 *
 * Asks where to export @report as @format, then exports it there as
 * pw_report_exporter_export_to_file() does.  Ignored while the exporter is
 * busy or asking already.
 */
void
pw_report_exporter_export (PwReportExporter *self,
                           PwReport         *report,
                           PwReportFormat    format,
                           PwPaperSize       paper,
                           const char       *suggested_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *mime_type = NULL;
  ChooserData *data;

  g_return_if_fail (PW_IS_REPORT_EXPORTER (self));
  g_return_if_fail (PW_IS_REPORT (report));

  if (pw_report_exporter_get_busy (self) || self->chooser != NULL)
    return;

  /* Translators: the title of the file chooser of a report's export */
  self->chooser = gtk_file_chooser_native_new (_("Export the Report"), self->parent,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (filter, get_filter_name (format, &mime_type));
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, pw_report_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  name = propose_name (report, format, suggested_name);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  data = g_new0 (ChooserData, 1);
  data->report = g_object_ref (report);
  data->format = format;
  data->paper = paper;
  g_object_set_data_full (G_OBJECT (self->chooser), "pw-export", data,
                          (GDestroyNotify) chooser_data_free);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * pw_report_exporter_cancel:
 *
 * Stops the export under way: nothing is written, and nothing said.  A
 * print-out stops at its next page.
 */
void
pw_report_exporter_cancel (PwReportExporter *self)
{
  g_return_if_fail (PW_IS_REPORT_EXPORTER (self));

  g_cancellable_cancel (self->cancellable);
  if (self->print_op != NULL)
    gtk_print_operation_cancel (self->print_op);
}

/* ------------------------------------------------------------------------
 * Printing
 */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PwReportExporter  *self)
{
  PwReport *report = g_object_get_data (G_OBJECT (operation), "pw-report");
  PangoContext *pango_context = gtk_print_context_create_pango_context (context);
  g_autoptr(GError) error = NULL;
  gboolean paginated;
  guint n_pages;

  g_clear_object (&self->print_layout);
  self->print_layout = pw_report_layout_new (report,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));
  paginated = pw_report_layout_paginate (self->print_layout, pango_context, NULL, NULL, NULL,
                                         &error);
  g_object_unref (pango_context);
  if (!paginated)
    {
      g_clear_error (&self->print_error);
      self->print_error = g_steal_pointer (&error);
      gtk_print_operation_cancel (operation);
      return;
    }

  n_pages = pw_report_layout_get_n_pages (self->print_layout);
  gtk_print_operation_set_n_pages (operation, MAX (1, (int) n_pages));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PwReportExporter  *self)
{
  if (self->print_layout == NULL || page < 0
      || (guint) page >= pw_report_layout_get_n_pages (self->print_layout))
    return;

  pw_report_layout_draw_page (self->print_layout, gtk_print_context_get_cairo_context (context),
                              page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PwReportExporter        *self)
{
  PwReport *report = g_object_get_data (G_OBJECT (operation), "pw-report");
  g_autoptr(GError) error = NULL;
  gboolean was_busy = pw_report_exporter_get_busy (self);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  /* The next print-out starts where the user left this one's dialog */
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY
      && g_object_get_data (G_OBJECT (operation), "pw-file") == NULL)
    g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
  if (error == NULL && self->print_error != NULL)
    error = g_steal_pointer (&self->print_error);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GFile *file = g_object_get_data (G_OBJECT (operation), "pw-file");
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      g_debug ("Could not print the report: %s", error->message);
      /* Translators: the heading of a message; %s is the title of the
       * report that could not be printed */
      heading = g_strdup_printf (_("Could Not Print “%s”"), pw_report_get_title (report));
      if (file != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);

          /* Translators: why a print-out into a file failed; %s is the
           * file's name, the reason follows (cairo's, not translated) */
          body = g_strdup_printf (_("Could not write “%s”: %s"), name, error->message);
        }
      show_error (self, heading, body ? body : error->message);
    }

  g_clear_error (&self->print_error);
  g_clear_object (&self->print_layout);
  if (self->print_op == operation)
    {
      g_signal_handlers_disconnect_by_data (operation, self);
      g_clear_object (&self->print_op);
    }
  notify_busy (self, was_busy);
}

static void
run_print (PwReportExporter        *self,
           PwReport                *report,
           GtkPrintOperationAction  action,
           GtkPageSetup            *page_setup,
           GFile                   *export_file)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  gboolean was_busy = pw_report_exporter_get_busy (self);
  GtkPrintOperationResult result;

  if (was_busy)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, pw_report_get_title (report));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (self->print_settings != NULL && export_file == NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (export_file != NULL)
    {
      g_autofree char *path = g_file_get_path (export_file);

      gtk_print_operation_set_export_filename (operation, path);
      g_object_set_data_full (G_OBJECT (operation), "pw-file", g_object_ref (export_file),
                              g_object_unref);
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "pw-report", g_object_ref (report),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), self);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), self);

  self->print_op = g_object_ref (operation);
  notify_busy (self, was_busy);

  /* "done" says how it went, also when it is over before this returns;
   * if it failed before there was an operation to be done, it is over */
  result = gtk_print_operation_run (operation, action, self->parent, NULL);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && self->print_op == operation)
    print_done_cb (operation, result, self);
}

static GtkPageSetup *
create_page_setup (PwPaperSize paper)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper_size = NULL;

  paper_size = gtk_paper_size_new (paper == PW_PAPER_US_LETTER ? GTK_PAPER_NAME_LETTER
                                                               : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, paper_size);

  return page_setup;
}

/**
 * pw_report_exporter_print:
 * @report: a report, not changed from now on
 * @paper: the paper the print dialog starts with
 *
 * Prints @report, drawn by #PwReportLayout on the pages the user chooses
 * in the print dialog.  Errors are shown in a dialog.
 */
void
pw_report_exporter_print (PwReportExporter *self,
                          PwReport         *report,
                          PwPaperSize       paper)
{
  g_autoptr(GtkPageSetup) page_setup = NULL;

  g_return_if_fail (PW_IS_REPORT_EXPORTER (self));
  g_return_if_fail (PW_IS_REPORT (report));

  page_setup = create_page_setup (paper);
  run_print (self, report, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, page_setup, NULL);
}

/**
 * pw_report_exporter_print_to_file:
 * @report: a report, not changed from now on
 * @paper: the size of its pages
 * @file: a local PDF file
 *
 * Runs the print operation of pw_report_exporter_print() into @file,
 * without a dialog: what a printer would get, as a PDF.
 */
void
pw_report_exporter_print_to_file (PwReportExporter *self,
                                  PwReport         *report,
                                  PwPaperSize       paper,
                                  GFile            *file)
{
  g_autoptr(GtkPageSetup) page_setup = NULL;

  g_return_if_fail (PW_IS_REPORT_EXPORTER (self));
  g_return_if_fail (PW_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));

  page_setup = create_page_setup (paper);
  run_print (self, report, GTK_PRINT_OPERATION_ACTION_EXPORT, page_setup, file);
}

/* ------------------------------------------------------------------------
 * The object
 */

/* The window goes: so does what was under way for it, and an export that
 * ends after it says nothing (a disposed window or overlay takes no toast) */
static void
parent_destroyed_cb (PwReportExporter *self)
{
  pw_report_exporter_cancel (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->toasts);
}

static void
toasts_destroyed_cb (PwReportExporter *self)
{
  g_clear_weak_pointer (&self->toasts);
}

static void
pw_report_exporter_dispose (GObject *object)
{
  PwReportExporter *self = PW_REPORT_EXPORTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->print_op != NULL)
    {
      gtk_print_operation_cancel (self->print_op);
      g_signal_handlers_disconnect_by_data (self->print_op, self);
      g_clear_object (&self->print_op);
    }
  g_clear_object (&self->print_layout);
  g_clear_error (&self->print_error);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->revealer);
  g_clear_weak_pointer (&self->parent);
  g_clear_weak_pointer (&self->toasts);

  G_OBJECT_CLASS (pw_report_exporter_parent_class)->dispose (object);
}

static void
pw_report_exporter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PwReportExporter *self = PW_REPORT_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;
    case PROP_TOASTS:
      g_value_set_object (value, self->toasts);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, pw_report_exporter_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_exporter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PwReportExporter *self = PW_REPORT_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_set_weak_pointer (&self->parent, g_value_get_object (value));
      if (self->parent != NULL)
        g_signal_connect_object (self->parent, "destroy", G_CALLBACK (parent_destroyed_cb), self,
                                 G_CONNECT_SWAPPED);
      break;
    case PROP_TOASTS:
      g_set_weak_pointer (&self->toasts, g_value_get_object (value));
      if (self->toasts != NULL)
        g_signal_connect_object (self->toasts, "destroy", G_CALLBACK (toasts_destroyed_cb), self,
                                 G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_exporter_class_init (PwReportExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_report_exporter_dispose;
  object_class->get_property = pw_report_exporter_get_property;
  object_class->set_property = pw_report_exporter_set_property;

  /**
   * PwReportExporter:parent:
   *
   * The window that dialogs are over, held weakly.
   */
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL,
                         GTK_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PwReportExporter:toasts:
   *
   * Where toasts are shown, held weakly.
   */
  properties[PROP_TOASTS] =
    g_param_spec_object ("toasts", NULL, NULL,
                         ADW_TYPE_TOAST_OVERLAY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PwReportExporter:busy:
   *
   * Whether an export or a print-out is under way; another is not started
   * until it is over.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_report_exporter_init (PwReportExporter *self)
{
  create_progress_bar (self);
}

/**
 * pw_report_exporter_new:
 * @parent: (nullable): the window the dialogs are over
 * @toasts: (nullable): where the toasts go
 *
 * Returns: (transfer full): a new exporter
 */
PwReportExporter *
pw_report_exporter_new (GtkWindow       *parent,
                        AdwToastOverlay *toasts)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (toasts == NULL || ADW_IS_TOAST_OVERLAY (toasts), NULL);

  return g_object_new (PW_TYPE_REPORT_EXPORTER,
                       "parent", parent,
                       "toasts", toasts,
                       NULL);
}
