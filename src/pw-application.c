/* pw-application.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-application"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "pw-application-private.h"
#include "pw-window.h"

/**
 * PwApplication:
 *
 * The Phasewise application: one instance per session, one window per
 * workbook, and one #PwSession that the windows share.  The command line
 * (--validate, --summary, --export, --migrate, --version) is handled
 * locally in handle_local_options, without a display and before
 * registering on the session bus.  At start it offers back the drafts of a session that
 * crashed.
 */
struct _PwApplication
{
  AdwApplication  parent_instance;

  PwSession      *session;
  char           *drafts_error;   /* why the last session's drafts could not be read */
  gboolean        handled_local;  /* handle_local_options ran: the options parsed */
};

G_DEFINE_FINAL_TYPE (PwApplication, pw_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check workbooks and report every problem; exit 1 if any is invalid"), NULL },
  { "summary", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the organization and the results of every assessment"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --summary, print JSON"), NULL },
  /* Translators: keep “html”, “pdf”, “md”, “csv”, “policy-csv”, “map-svg” and “map-png” as
   * they are */
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export from a workbook: html, pdf or md, the report on an assessment; csv, its answers; "
       "policy-csv, the policy checklist as CSV; map-svg or map-png, the organization map as "
       "SVG or PNG"), N_("FORMAT") },
  { "assessment", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export html, pdf, md or csv, the assessment to report on (its id; by default "
       "the one of the workbook's report, or the latest)"), N_("ID") },
  /* Translators: keep “a4” and “letter” as they are */
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export pdf, the paper size: a4 (the default) or letter"), N_("SIZE") },
  { "migrate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Migrate a workbook to the framework that comes with Phasewise, written to -o"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export or --migrate, the file to write (“-” for the standard output)"),
    N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

static void
print_and_clear (GString *out,
                 FILE    *stream)
{
  /* A PNG on the standard output (--export map-png -o -) holds NUL bytes */
  fwrite (out->str, 1, out->len, stream);
  fflush (stream);
  g_string_truncate (out, 0);
}

/* Files named on the command line, for the window: GApplication leaves
 * them to us once the remaining arguments are an option of ours.  Opening
 * is all there is to do: no activation follows, which would present some
 * other window over the file's.  A running instance is sent the files
 * (g_application_run() flushes the bus before it returns); here, the
 * windows opened keep the application running. */
static int
open_files (PwApplication  *self,
            const char    **files,
            guint           n_files)
{
  g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (n_files == 0)
    return -1;

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));
  g_application_open (G_APPLICATION (self), (GFile **) gfiles->pdata, (int) gfiles->len, "");

  return EXIT_SUCCESS;
}

/* The command line's own modes; -1 when the window is wanted. */
static int
pw_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  PwApplication *self = PW_APPLICATION (application);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autofree const char **files = NULL;
  gboolean validate = g_variant_dict_contains (options, "validate");
  gboolean summary = g_variant_dict_contains (options, "summary");
  gboolean json = g_variant_dict_contains (options, "json");
  gboolean migrate = g_variant_dict_contains (options, "migrate");
  const char *export = NULL;
  const char *output = NULL;
  const char *assessment = NULL;
  const char *paper = NULL;
  guint n_files;
  int status;

  self->handled_local = TRUE;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return PW_EXIT_OK;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  n_files = files ? g_strv_length ((char **) files) : 0;

  g_variant_dict_lookup (options, "export", "&s", &export);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "assessment", "&s", &assessment);
  g_variant_dict_lookup (options, "paper", "&s", &paper);

  if (output != NULL && export == NULL && !migrate)
    {
      g_printerr ("%s\n", _("-o goes with --export or --migrate"));
      return PW_EXIT_USAGE;
    }

  if ((assessment != NULL || paper != NULL) && export == NULL)
    {
      /* Translators: keep “--assessment”, “--paper” and “--export” as they are */
      g_printerr ("%s\n", _("--assessment and --paper go with --export"));
      return PW_EXIT_USAGE;
    }

  if (migrate)
    {
      if (validate || summary || json || export != NULL)
        {
          g_printerr ("%s\n", _("Use --migrate alone, without --validate, --summary, --json "
                                "or --export"));
          return PW_EXIT_USAGE;
        }
      if (n_files > 1)
        {
          g_printerr ("%s\n", _("--migrate needs exactly one file"));
          return PW_EXIT_USAGE;
        }

      status = pw_cli_migrate (n_files == 1 ? files[0] : NULL, output, out, err);
      print_and_clear (out, stdout);
      print_and_clear (err, stderr);

      return status;
    }

  if (export != NULL)
    {
      if (validate || summary || json)
        {
          g_printerr ("%s\n", _("Use --export alone, without --validate, --summary or --json"));
          return PW_EXIT_USAGE;
        }
      if (n_files > 1)
        {
          g_printerr ("%s\n", _("--export needs exactly one file"));
          return PW_EXIT_USAGE;
        }

      status = pw_cli_export (n_files == 1 ? files[0] : NULL, export, assessment, paper, output,
                              out, err);
      print_and_clear (out, stdout);
      print_and_clear (err, stderr);

      return status;
    }

  if (!validate && !summary && !json)
    return open_files (self, files, n_files);

  if (json && !summary)
    {
      g_printerr ("%s\n", _("--json goes with --summary"));
      return PW_EXIT_USAGE;
    }

  if (validate && summary)
    {
      g_printerr ("%s\n", _("Use either --validate or --summary, not both"));
      return PW_EXIT_USAGE;
    }

  if (validate)
    status = pw_cli_validate (files, out, err);
  else if (n_files != 1)
    {
      g_printerr ("%s\n", _("--summary needs exactly one file"));
      return PW_EXIT_USAGE;
    }
  else
    status = pw_cli_summary (files[0], json, out, err);

  print_and_clear (out, stdout);
  print_and_clear (err, stderr);

  return status;
}

static gboolean
pw_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  PwApplication *self = PW_APPLICATION (application);
  gboolean handled;

  self->handled_local = FALSE;
  handled = G_APPLICATION_CLASS (pw_application_parent_class)->local_command_line (application,
                                                                                  arguments,
                                                                                  exit_status);

  /* Options that could not be parsed are a usage error. */
  if (handled && !self->handled_local && *exit_status == EXIT_FAILURE)
    *exit_status = PW_EXIT_USAGE;

  return handled;
}

static void
pw_application_startup (GApplication *application)
{
  PwApplication *self = PW_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (pw_application_parent_class)->startup (application);

  _pw_application_install_actions (self);

  self->session = pw_session_new (NULL, NULL);
  if (!pw_session_begin (self->session, &error))
    {
      g_warning ("Could not read the drafts of the last session: %s", error->message);
      self->drafts_error = g_strdup (error->message);
    }
}

static PwWindow *
find_empty_window (PwApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PW_IS_WINDOW (active) && pw_window_is_empty (PW_WINDOW (active)))
    return PW_WINDOW (active);

  return NULL;
}

static PwWindow *
get_empty_window (PwApplication *self)
{
  PwWindow *window = find_empty_window (self);

  if (window == NULL)
    window = pw_window_new (ADW_APPLICATION (self), self->session);

  return window;
}

/* Tells the user, in the first window shown, that the drafts of the last
 * session could not be read. */
static void
report_drafts_error (PwApplication *self,
                     PwWindow      *window)
{
  g_autofree char *error = g_steal_pointer (&self->drafts_error);
  g_autofree char *text = NULL;

  if (error == NULL)
    return;

  /* Translators: %s says why */
  text = g_strdup_printf (_("Unsaved changes of the last session cannot be recovered: %s"),
                          error);
  pw_window_show_toast (window, text);
}

static gboolean
restore_drafts (PwApplication *self)
{
  g_autoptr(GPtrArray) recovered = pw_session_take_recovered (self->session);

  if (recovered == NULL || recovered->len == 0)
    return FALSE;

  for (guint i = 0; i < recovered->len; i++)
    {
      PwWindow *window = get_empty_window (self);

      pw_window_restore_draft (window, g_ptr_array_index (recovered, i));
      gtk_window_present (GTK_WINDOW (window));
    }

  return TRUE;
}

static void
pw_application_activate (GApplication *application)
{
  PwApplication *self = PW_APPLICATION (application);
  GtkWindow *window;

  if (restore_drafts (self))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (pw_window_new (ADW_APPLICATION (self), self->session));

  gtk_window_present (window);
  if (PW_IS_WINDOW (window))
    report_drafts_error (self, PW_WINDOW (window));
}

static void
pw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PwApplication *self = PW_APPLICATION (application);

  restore_drafts (self);

  for (int i = 0; i < n_files; i++)
    {
      PwWindow *window = pw_window_find_for_file (GTK_APPLICATION (self), files[i]);

      if (window == NULL)
        {
          window = get_empty_window (self);
          pw_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
      report_drafts_error (self, window);
    }
}

static void
pw_application_shutdown (GApplication *application)
{
  PwApplication *self = PW_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->session != NULL && !pw_session_end (self->session, &error))
    g_warning ("Could not close the drafts session: %s", error->message);

  G_APPLICATION_CLASS (pw_application_parent_class)->shutdown (application);
}

static void
pw_application_dispose (GObject *object)
{
  PwApplication *self = PW_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->drafts_error, g_free);

  G_OBJECT_CLASS (pw_application_parent_class)->dispose (object);
}

static void
pw_application_class_init (PwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pw_application_dispose;
  app_class->local_command_line = pw_application_local_command_line;
  app_class->handle_local_options = pw_application_handle_local_options;
  app_class->startup = pw_application_startup;
  app_class->activate = pw_application_activate;
  app_class->open = pw_application_open;
  app_class->shutdown = pw_application_shutdown;
}

static void
pw_application_init (PwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Social media maturity assessments of "
                                              "organizations."));
}

PwApplication *
pw_application_new (void)
{
  return g_object_new (PW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * pw_application_get_session:
 *
 * Returns: (transfer none) (nullable): what the windows share, once the
 *   application has started
 */
PwSession *
pw_application_get_session (PwApplication *self)
{
  g_return_val_if_fail (PW_IS_APPLICATION (self), NULL);

  return self->session;
}
