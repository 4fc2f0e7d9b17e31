/* pw-application-actions.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-application"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-application-private.h"
#include "pw-preferences-window.h"
#include "pw-window.h"

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  PwApplication *app = PW_APPLICATION (user_data);
  PwWindow *window = pw_window_new (ADW_APPLICATION (app), pw_application_get_session (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWindow *preferences = GTK_WINDOW (pw_preferences_window_new ());

  gtk_window_set_transient_for (preferences, parent);
  gtk_window_set_modal (preferences, TRUE);
  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Phasewise authors", NULL };
  static const char *model[] = {
    /* Translators: the credit for the source of the maturity model */
    N_("The #lostinsm series on social media adoption (Cisco Blogs, 2011)"),
    NULL
  };
  const char *model_translated[G_N_ELEMENTS (model)] = { NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  for (guint i = 0; model[i] != NULL; i++)
    model_translated[i] = _(model[i]);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Phasewise"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Phasewise authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Social media maturity assessments of organizations: "
                                      "a guided workshop, the five adoption phases from the "
                                      "Missing to the Proficient, and what to do next."),
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Phasewise authors",
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Maturity Model"),
                                       model_translated);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

void
_pw_application_install_actions (PwApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}
