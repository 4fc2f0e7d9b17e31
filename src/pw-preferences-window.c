/* pw-preferences-window.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-preferences-window.h"

/**
 * PwPreferencesWindow:
 *
 * The preferences: the facilitator's name given to new assessments, and
 * whether drafts are autosaved.  Both are GSettings keys, bound directly.
 */
struct _PwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *facilitator_row;
  GtkSwitch            *autosave_switch;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PwPreferencesWindow, pw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
pw_preferences_window_dispose (GObject *object)
{
  PwPreferencesWindow *self = (PwPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pw_preferences_window_parent_class)->dispose (object);
}

static void
pw_preferences_window_class_init (PwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, PwPreferencesWindow, autosave_switch);
}

static void
pw_preferences_window_init (PwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (PW_SETTINGS_SCHEMA);
  g_settings_bind (self->settings, "facilitator-name", self->facilitator_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave", self->autosave_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

PwPreferencesWindow *
pw_preferences_window_new (void)
{
  return g_object_new (PW_TYPE_PREFERENCES_WINDOW, NULL);
}
