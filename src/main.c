/* main.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "phasewise"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PwApplication) app = NULL;
  const char *localedir = g_getenv ("PHASEWISE_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* PHASEWISE_LOCALEDIR points a build that is not installed at its
   * translations (the install test uses it). */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
