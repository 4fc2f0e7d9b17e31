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

#include "phasewise-core.h"
#include "pw-application.h"

/**
 * PwApplication:
 *
 * The Phasewise application.  The command line (--validate, --summary,
 * --version) is handled locally, without a display and without
 * registering on the session bus.
 */
struct _PwApplication
{
  GApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PwApplication, pw_application, G_TYPE_APPLICATION)

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
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      /* The graphical window arrives with the application issue; until
       * then the command line is the whole program. */
      g_printerr ("%s\n%s", _("Nothing to do: give --validate, --summary or --version."), help);
      return PW_EXIT_USAGE;
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

  *exit_status = run_command_line (context);
  g_clear_pointer (&opt_files, g_strfreev);

  return TRUE;
}

static void
pw_application_class_init (PwApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = pw_application_local_command_line;
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
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}
