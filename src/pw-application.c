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

#include "pw-application.h"
#include "pw-window.h"

/**
 * PwApplication:
 *
 * The Phasewise application: one instance per session, one window per
 * workbook.  The command line (--validate, --summary, --version) is
 * handled locally, without a display and without registering on the
 * session bus.  At start it offers back the drafts of a session that
 * crashed.
 */
struct _PwApplication
{
  AdwApplication  parent_instance;

  PwDrafts       *drafts;
  GPtrArray      *recovered;  /* PwDraftInfo, until activate restores them */
};

G_DEFINE_FINAL_TYPE (PwApplication, pw_application, ADW_TYPE_APPLICATION)

static gboolean opt_validate;
static gboolean opt_summary;
static gboolean opt_json;
static gboolean opt_version;
static char **opt_files;

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, &opt_validate,
    N_("Check workbooks and report every problem; exit 1 if any is invalid"), NULL },
  { "summary", 0, 0, G_OPTION_ARG_NONE, &opt_summary,
    N_("Print the organization and the results of every assessment"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json,
    N_("With --summary, print JSON"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files,
    NULL, N_("[FILE…]") },
  { NULL }
};

static void
print_and_clear (GString *out,
                 FILE    *stream)
{
  fputs (out->str, stream);
  fflush (stream);
  g_string_truncate (out, 0);
}

static int
run_command_line (GOptionContext *context)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  guint n_files = opt_files ? g_strv_length (opt_files) : 0;
  int status;

  if (opt_version)
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return PW_EXIT_OK;
    }

  if (opt_json && !opt_summary)
    {
      g_printerr ("%s\n", _("--json goes with --summary"));
      return PW_EXIT_USAGE;
    }

  if (opt_validate && opt_summary)
    {
      g_printerr ("%s\n", _("Use either --validate or --summary, not both"));
      return PW_EXIT_USAGE;
    }

  if (opt_validate)
    {
      status = pw_cli_validate ((const char * const *) opt_files, out, err);
    }
  else if (opt_summary)
    {
      if (n_files != 1)
        {
          g_printerr ("%s\n", _("--summary needs exactly one file"));
          return PW_EXIT_USAGE;
        }
      status = pw_cli_summary (opt_files[0], opt_json, out, err);
    }
  else
    {
      g_assert_not_reached ();
    }

  print_and_clear (out, stdout);
  print_and_clear (err, stderr);

  return status;
}

static gboolean
pw_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (*arguments);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Social media maturity assessments of organizations."));
  g_option_context_add_main_entries (context, option_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      *exit_status = PW_EXIT_USAGE;
      return TRUE;
    }

  if (!opt_validate && !opt_summary && !opt_json && !opt_version)
    {
      /* No command: the window, with any files given opened in it. */
      g_clear_pointer (&opt_files, g_strfreev);
      return G_APPLICATION_CLASS (pw_application_parent_class)->local_command_line (application,
                                                                                    arguments,
                                                                                    exit_status);
    }

  *exit_status = run_command_line (context);
  g_clear_pointer (&opt_files, g_strfreev);

  return TRUE;
}

static void
pw_application_startup (GApplication *application)
{
  PwApplication *self = PW_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (pw_application_parent_class)->startup (application);

  _pw_application_install_actions (self);

  self->drafts = pw_drafts_new (NULL);
  if (!pw_drafts_begin_session (self->drafts, &self->recovered, &error))
    g_warning ("Could not read the drafts of the last session: %s", error->message);
}

static PwWindow *
find_empty_window (PwApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PW_IS_WINDOW (active) && pw_window_is_empty (PW_WINDOW (active)))
    return PW_WINDOW (active);

  return NULL;
}

static gboolean
restore_drafts (PwApplication *self)
{
  g_autoptr(GPtrArray) recovered = g_steal_pointer (&self->recovered);

  if (recovered == NULL || recovered->len == 0)
    return FALSE;

  for (guint i = 0; i < recovered->len; i++)
    {
      PwWindow *window = find_empty_window (self);

      if (window == NULL)
        window = pw_window_new (ADW_APPLICATION (self));
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
    window = GTK_WINDOW (pw_window_new (ADW_APPLICATION (self)));

  gtk_window_present (window);
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
      PwWindow *window = NULL;

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        {
          GFile *file = PW_IS_WINDOW (l->data) ? pw_window_get_file (l->data) : NULL;

          if (file != NULL && g_file_equal (file, files[i]))
            window = l->data;
        }

      if (window == NULL)
        {
          window = find_empty_window (self);
          if (window == NULL)
            window = pw_window_new (ADW_APPLICATION (self));
          pw_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
pw_application_shutdown (GApplication *application)
{
  PwApplication *self = PW_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  if (self->drafts != NULL && !pw_drafts_end_session (self->drafts, &error))
    g_warning ("Could not close the drafts session: %s", error->message);

  G_APPLICATION_CLASS (pw_application_parent_class)->shutdown (application);
}

static void
pw_application_dispose (GObject *object)
{
  PwApplication *self = PW_APPLICATION (object);

  g_clear_object (&self->drafts);
  g_clear_pointer (&self->recovered, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_application_parent_class)->dispose (object);
}

/**
 * pw_application_get_drafts:
 *
 * Returns: (transfer none) (nullable): the drafts of unsaved workbooks
 */
PwDrafts *
pw_application_get_drafts (PwApplication *self)
{
  g_return_val_if_fail (PW_IS_APPLICATION (self), NULL);

  return self->drafts;
}

static void
pw_application_class_init (PwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pw_application_dispose;
  app_class->local_command_line = pw_application_local_command_line;
  app_class->startup = pw_application_startup;
  app_class->activate = pw_application_activate;
  app_class->open = pw_application_open;
  app_class->shutdown = pw_application_shutdown;
}

static void
pw_application_init (PwApplication *self)
{
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
