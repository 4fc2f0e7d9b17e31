/* pw-window-actions.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-window-private.h"

/* The win.* actions of PwWindow, enabled from _pw_window_actions_update(). */

void
_pw_window_actions_update (PwWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PwHistory *history = self->document ? pw_document_get_history (self->document) : NULL;
  gboolean has_workbook = self->document != NULL;
  gboolean idle = !_pw_window_get_busy (self);

  gtk_widget_action_set_enabled (widget, "win.save", has_workbook && idle);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_workbook && idle);
  gtk_widget_action_set_enabled (widget, "win.new", idle);
  gtk_widget_action_set_enabled (widget, "win.open", idle);
  gtk_widget_action_set_enabled (widget, "win.open-recent", idle);
  gtk_widget_action_set_enabled (widget, "win.open-example", idle);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 idle && history && pw_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 idle && history && pw_history_get_can_redo (history));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _pw_window_new_workbook (PW_WINDOW (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _pw_window_choose_file (PW_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  pw_window_open_file (PW_WINDOW (widget), file);
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _pw_window_open_example (PW_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _pw_window_save (PW_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _pw_window_save_as (PW_WINDOW (widget));
}

/* Undoes or redoes a step, and says which. */
static void
move_in_history (PwWindow *self,
                 gboolean  undo)
{
  PwHistory *history;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;

  history = pw_document_get_history (self->document);
  label = g_strdup (undo ? pw_history_get_undo_label (history)
                         : pw_history_get_redo_label (history));

  if (!(undo ? pw_history_undo (history) : pw_history_redo (history)))
    return;

  if (undo)
    /* Translators: after undo; %s is what was taken back: "Answer to “…”" */
    text = g_strdup_printf (_("Undone: %s"), label ? label : _("the last change"));
  else
    /* Translators: after redo; %s is what was done again: "Answer to “…”" */
    text = g_strdup_printf (_("Redone: %s"), label ? label : _("the last change"));
  pw_window_show_toast (self, text);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_in_history (PW_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_in_history (PW_WINDOW (widget), FALSE);
}

void
_pw_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
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
