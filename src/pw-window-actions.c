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
  gtk_widget_action_set_enabled (widget, "win.show-sidebar", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.show-policy", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.show-policy-items", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.show-policy-missing-core", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.export-policy-csv", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.show-report", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.print-report", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.export-map", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.assess-team", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.show-assessment", has_workbook);
  gtk_widget_action_set_enabled (widget, "win.migrate-framework",
                                 idle && _pw_window_can_migrate (self));

  if (self->session != NULL)
    {
      int zoom = _pw_window_get_zoom (self);

      gtk_widget_action_set_enabled (widget, "win.zoom-in",
                                     zoom < pw_window_zoom_levels[pw_window_n_zoom_levels - 1]);
      gtk_widget_action_set_enabled (widget, "win.zoom-out", zoom > pw_window_zoom_levels[0]);
      gtk_widget_action_set_enabled (widget, "win.zoom-reset", zoom != 100);
    }
}

static void
history_toast_dismissed_cb (AdwToast *toast,
                            PwWindow *self)
{
  if (self->history_toast == toast)
    self->history_toast = NULL;
}

/* Says what undo or redo did, in the toast that said what the previous
 * one did while it shows, its timeout started again (as AdwToast's
 * documentation does it): ten presses of Ctrl+Z are one toast, not a
 * queue of ten. */
static void
show_history_toast (PwWindow   *self,
                    const char *text)
{
  if (self->history_toast != NULL)
    {
      adw_toast_set_title (self->history_toast, text);
      _pw_window_add_toast (self, g_object_ref (self->history_toast));
      return;
    }

  self->history_toast = adw_toast_new (text);
  adw_toast_set_priority (self->history_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (self->history_toast, "dismissed",
                           G_CALLBACK (history_toast_dismissed_cb), self, 0);
  _pw_window_add_toast (self, self->history_toast);
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
  show_history_toast (self, text);
}

static void
undo (PwWindow *self)
{
  move_in_history (self, TRUE);
}

static void
redo (PwWindow *self)
{
  move_in_history (self, FALSE);
}

/**
 * pw_window_show_undo_toast:
 * @text: what was just done, "Deleted “…”"
 *
 * Says what the edit just made did, with an Undo button that undoes that
 * edit: once anything else was done or undone since, the button does
 * nothing, so that it never takes back what it does not name.
 */
void
pw_window_show_undo_toast (PwWindow   *self,
                           const char *text)
{
  PwHistory *history;
  AdwToast *toast;

  g_return_if_fail (PW_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (self->document == NULL)
    return;

  history = pw_document_get_history (self->document);
  self->undo_toast_step = pw_history_peek_undo (history);
  self->undo_toast_depth = pw_history_get_n_undo (history);

  toast = adw_toast_new (text);
  /* Translators: the button of a toast that says what was just done */
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-toast");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _pw_window_add_toast (self, toast);
}

/* The Undo of pw_window_show_undo_toast() */
static void
undo_toast (PwWindow *self)
{
  PwHistory *history;

  if (self->document == NULL || self->undo_toast_step == NULL)
    return;

  history = pw_document_get_history (self->document);
  if (pw_history_peek_undo (history) == self->undo_toast_step
      && pw_history_get_n_undo (history) == self->undo_toast_depth)
    move_in_history (self, TRUE);
  self->undo_toast_step = NULL;
}

/* One step up or down the zoom levels */
static void
zoom (PwWindow *self,
      int       direction)
{
  int current = _pw_window_get_zoom (self);

  if (direction > 0)
    {
      for (guint i = 0; i < pw_window_n_zoom_levels; i++)
        if (pw_window_zoom_levels[i] > current)
          {
            _pw_window_set_zoom (self, pw_window_zoom_levels[i]);
            return;
          }
    }
  else
    {
      for (guint i = pw_window_n_zoom_levels; i > 0; i--)
        if (pw_window_zoom_levels[i - 1] < current)
          {
            _pw_window_set_zoom (self, pw_window_zoom_levels[i - 1]);
            return;
          }
    }
}

static void
zoom_in (PwWindow *self)
{
  zoom (self, 1);
}

static void
zoom_out (PwWindow *self)
{
  zoom (self, -1);
}

static void
zoom_reset (PwWindow *self)
{
  _pw_window_set_zoom (self, 100);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  pw_window_open_file (PW_WINDOW (widget), file);
}

/* The Policy area with every item */
static void
show_policy (PwWindow *self)
{
  if (self->document == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "policy");
  pw_policy_page_show_all (self->policy_page);
}

/* The Policy area with the items named, as the result's cap asks */
static void
show_policy_items_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);
  g_autofree const char **ids = g_variant_get_strv (parameter, NULL);

  if (self->document == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "policy");
  pw_policy_page_show_items (self->policy_page, ids);
}

/* The Policy area with the core items not in place today, as the
 * governance questions' help asks; every core item when none is missing */
static void
show_policy_missing_core (PwWindow *self)
{
  PwWorkbook *workbook;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;

  if (self->document == NULL)
    return;

  workbook = pw_document_get_workbook (self->document);
  missing = pw_policy_get_missing_core (pw_workbook_get_policy (workbook), NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "policy");
  if (missing->len == 0)
    {
      pw_policy_page_show_all (self->policy_page);
      g_object_set (self->policy_page, "filter-core", TRUE, NULL);
      return;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < missing->len; i++)
    g_strv_builder_add (builder, pw_policy_item_get_id (g_ptr_array_index (missing, i)));
  ids = g_strv_builder_end (builder);
  pw_policy_page_show_items (self->policy_page, (const char * const *) ids);
}

/* Ctrl+F where the focus is outside the checklist, as on its tab: the
 * checklist's own binding takes it inside it */
static void
search_policy (PwWindow *self)
{
  if (self->document != NULL
      && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "policy") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->policy_page), "policy.focus-search", NULL);
}

/* The Report area */
static void
show_report (PwWindow *self)
{
  if (self->document != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, "report");
}

/* Ctrl+P: the report, printed from the Report area */
static void
print_report (PwWindow *self)
{
  if (self->document == NULL)
    return;
  show_report (self);
  gtk_widget_activate_action (GTK_WIDGET (self->report_page), "report.print", NULL);
}

/* The organization map as a picture: "svg" or "png" */
static void
export_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *format = g_variant_get_string (parameter, NULL);

  _pw_window_export_map (PW_WINDOW (widget),
                         g_str_equal (format, "png") ? PW_MAP_EXPORT_PNG : PW_MAP_EXPORT_SVG);
}

/* A new assessment of the team whose id is the parameter, in the wizard */
static void
assess_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);
  const char *team_id = g_variant_get_string (parameter, NULL);
  PwWorkbook *workbook;

  if (self->document == NULL)
    return;

  workbook = pw_document_get_workbook (self->document);
  if (pw_org_map_find_team (pw_workbook_get_org_map (workbook), team_id) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "assess");
  pw_assess_page_new_assessment (self->assess_page, team_id);
}

/* The assessment whose id is the parameter, in the Assess area */
static void
show_assessment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PwWindow *self = PW_WINDOW (widget);
  PwAssessment *assessment;

  if (self->document == NULL)
    return;

  assessment = pw_workbook_find_assessment (pw_document_get_workbook (self->document),
                                            g_variant_get_string (parameter, NULL));
  if (assessment == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "assess");
  pw_assess_page_select (self->assess_page, assessment);
}

/* The actions without a parameter, each the window function it runs */
static const struct {
  const char *name;
  void      (*run) (PwWindow *self);
} simple_actions[] = {
  { "win.new", _pw_window_new_workbook },
  { "win.open", _pw_window_choose_file },
  { "win.open-example", _pw_window_open_example },
  { "win.save", _pw_window_save },
  { "win.save-as", _pw_window_save_as },
  { "win.undo", undo },
  { "win.redo", redo },
  { "win.undo-toast", undo_toast },
  { "win.zoom-in", zoom_in },
  { "win.zoom-out", zoom_out },
  { "win.zoom-reset", zoom_reset },
  { "win.show-policy", show_policy },
  { "win.show-policy-missing-core", show_policy_missing_core },
  { "win.export-policy-csv", _pw_window_export_policy_csv },
  { "win.search-policy", search_policy },
  { "win.show-report", show_report },
  { "win.print-report", print_report },
  { "win.migrate-framework", _pw_window_migrate_framework },
};

static void
simple_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  for (guint i = 0; i < G_N_ELEMENTS (simple_actions); i++)
    if (g_str_equal (simple_actions[i].name, action_name))
      simple_actions[i].run (PW_WINDOW (widget));
}

void
_pw_window_class_actions_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (simple_actions); i++)
    gtk_widget_class_install_action (widget_class, simple_actions[i].name, NULL, simple_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-policy-items", "as",
                                   show_policy_items_action);
  gtk_widget_class_install_action (widget_class, "win.export-map", "s", export_map_action);
  gtk_widget_class_install_action (widget_class, "win.assess-team", "s", assess_team_action);
  gtk_widget_class_install_action (widget_class, "win.show-assessment", "s",
                                   show_assessment_action);
  gtk_widget_class_install_property_action (widget_class, "win.fullscreen", "fullscreen");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search-policy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);

  /* On a projector */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  {
    /* The menu shows the last key added for an action: the main keys come
     * after the keypad's */
    static const struct {
      guint       keyval;
      const char *action;
    } zoom_keys[] = {
      { GDK_KEY_KP_Add, "win.zoom-in" },
      { GDK_KEY_equal, "win.zoom-in" },
      { GDK_KEY_plus, "win.zoom-in" },
      { GDK_KEY_KP_Subtract, "win.zoom-out" },
      { GDK_KEY_minus, "win.zoom-out" },
      { GDK_KEY_KP_0, "win.zoom-reset" },
      { GDK_KEY_0, "win.zoom-reset" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, GDK_CONTROL_MASK,
                                           zoom_keys[i].action, NULL);
  }
}
