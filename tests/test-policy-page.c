/* test-policy-page.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-policy-page"

#include "config.h"

#include <glib/gstdio.h>

#include "pw-application.h"
#include "pw-assess-page.h"
#include "pw-policy-page.h"
#include "pw-test-ui.h"
#include "pw-window.h"
#include "pw-window-private.h"
#include "pw-wizard.h"

/*
 * The Policy area of the real window, under Xvfb, driven through its
 * policy.* and win.* actions as a user drives it:
 *
 *   /phasewise/policy-page/filter        status, core, owner and search filters; no match; clear
 *   /phasewise/policy-page/show-items    win.show-policy-items shows exactly those, and back;
 *                                        win.show-policy-missing-core
 *   /phasewise/policy-page/edit-item     the owner typed in the row, in the model; undone
 *   /phasewise/policy-page/evidence      an open item shows the framework's evidence of it
 *   /phasewise/policy-page/add-item      a custom item through the dialog; moved; removed; undone
 *   /phasewise/policy-page/core-in-place the nine core items in place lift the governance cap;
 *                                        undo, save, reopen: statuses and history kept
 *   /phasewise/policy-page/reason        a core item is not "not applicable" without a reason
 *   /phasewise/policy-page/as-of         a past day: statuses as they were, read-only
 *   /phasewise/policy-page/many-items    200 custom items: built, filtered, removed in one undo
 *   /phasewise/policy-page/categories    a custom category added, renamed, moved, removed with its
 *                                        items after asking; undone
 *   /phasewise/policy-page/drop          a custom item dropped on another goes before it; undone
 *   /phasewise/policy-page/export        the CSV written where asked; a failure names the file
 */


/* As the rows' status buttons say them */
static const char * const status_names[] = { "Missing", "Drafting", "In Place", "Not Applicable" };

/* Without asking about unsaved changes */
static void
destroy_window (PwWindow *window)
{
  PwDocument *document = pw_window_get_document (window);

  if (document != NULL)
    pw_workbook_set_modified (pw_document_get_workbook (document), FALSE);
  pw_test_ui_destroy_window (window);
}

static PwPolicyPage *
get_page (PwWindow *window)
{
  GtkWidget *page = pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_POLICY_PAGE);

  g_assert_nonnull (page);
  return PW_POLICY_PAGE (page);
}

static PwPolicy *
get_policy (PwWindow *window)
{
  return pw_workbook_get_policy (pw_document_get_workbook (pw_window_get_document (window)));
}

static void
page_action (PwWindow   *window,
             const char *name,
             const char *format,
             ...)
{
  GVariant *parameter = NULL;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_new_va (format, NULL, &args);
      va_end (args);
    }
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (get_page (window)), name,
                                                     parameter));
  pw_test_ui_flush ();
}

static PwWindow *
open_example (void)
{
  PwWindow *window = pw_test_ui_new_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL);
  pw_test_ui_flush ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy", NULL);
  pw_test_ui_flush ();
  return window;
}

static guint
count_items (PwPolicy   *policy,
             gboolean    core_only,
             int         status)
{
  GListModel *items = pw_policy_get_items (policy);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      if ((!core_only || pw_policy_item_get_core (item))
          && (status < 0 || (int) pw_policy_item_get_status (item) == status))
        n++;
    }
  return n;
}

static PwPolicyItem *
first_item (PwPolicy *policy,
            gboolean  core,
            gboolean  custom)
{
  GListModel *items = pw_policy_get_items (policy);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      if (pw_policy_item_get_core (item) == core && pw_policy_item_get_custom (item) == custom)
        return item;
    }
  g_assert_not_reached ();
}

static gboolean
row_visible (PwWindow   *window,
             const char *id)
{
  GtkWidget *row = pw_policy_page_get_row (get_page (window), id);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

static void
test_filter (void)
{
  PwWindow *window = open_example ();
  PwPolicyPage *page = get_page (window);
  PwPolicy *policy = get_policy (window);
  guint total = g_list_model_get_n_items (pw_policy_get_items (policy));
  PwPolicyItem *core = first_item (policy, TRUE, FALSE);
  PwPolicyItem *other = first_item (policy, FALSE, FALSE);

  g_assert_cmpuint (total, >, 30);
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, total);

  page_action (window, "policy.filter-core", NULL);
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, count_items (policy, TRUE, -1));
  g_assert_true (row_visible (window, pw_policy_item_get_id (core)));
  g_assert_false (row_visible (window, pw_policy_item_get_id (other)));

  page_action (window, "policy.filter-status", "s", "in-place");
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==,
                    count_items (policy, TRUE, PW_POLICY_IN_PLACE));

  page_action (window, "policy.filter-core", NULL);
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==,
                    count_items (policy, FALSE, PW_POLICY_IN_PLACE));

  /* The search looks at the title, whatever the case */
  page_action (window, "policy.filter-status", "s", "any");
  {
    g_autofree char *upper = g_utf8_strup (pw_policy_item_get_title (other), -1);

    page_action (window, "policy.search", "s", upper);
    g_assert_cmpuint (pw_policy_page_get_n_shown (page), >=, 1);
    g_assert_true (row_visible (window, pw_policy_item_get_id (other)));
    g_assert_false (row_visible (window, pw_policy_item_get_id (core)));
  }

  /* Nothing matches: the empty result, and its button clears the filters */
  page_action (window, "policy.search", "s", "no item is called this");
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, 0);
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (page), "No Items Match"));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (page), "0 of "));
  g_signal_emit_by_name (pw_test_ui_find_button (GTK_WIDGET (page), "policy.clear-filters"),
                         "clicked");
  pw_test_ui_flush ();
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, total);

  /* An owner in use */
  page_action (window, "policy.filter-owner", "s", "Legal");
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), >=, 1);
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), <, total);
  page_action (window, "policy.clear-filters", NULL);
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, total);

  /* Ctrl+F (win.search-policy) from anywhere on the tab: the search */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-policy", NULL));
  pw_test_ui_flush ();
  {
    GtkWidget *entry = pw_test_ui_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_nonnull (focus);
    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }

  destroy_window (window);
}

static void
test_show_items (void)
{
  PwWindow *window = open_example ();
  PwPolicyPage *page = get_page (window);
  PwPolicy *policy = get_policy (window);
  g_autoptr(GPtrArray) missing = pw_policy_get_missing_core (policy, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                                ADW_TYPE_VIEW_STACK));

  g_assert_cmpuint (missing->len, >, 0);
  for (guint i = 0; i < missing->len; i++)
    g_strv_builder_add (builder, pw_policy_item_get_id (g_ptr_array_index (missing, i)));
  ids = g_strv_builder_end (builder);

  adw_view_stack_set_visible_child_name (stack, "assess");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy-items", "^as",
                                             ids));
  pw_test_ui_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "policy");
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, missing->len);
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (page), "The "));
  g_assert_nonnull (strstr (gtk_label_get_label (pw_test_ui_find_label (GTK_WIDGET (page),
                                                                         "The ")),
                            "hold governance at phase 3"));

  page_action (window, "policy.show-all", NULL);
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==,
                    g_list_model_get_n_items (pw_policy_get_items (policy)));

  /* The governance question's button: the core items not in place */
  adw_view_stack_set_visible_child_name (stack, "assess");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy-missing-core",
                                             NULL));
  pw_test_ui_flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "policy");
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, missing->len);
  page_action (window, "policy.show-all", NULL);

  destroy_window (window);
}

static void
test_edit_item (void)
{
  PwWindow *window = open_example ();
  PwPolicy *policy = get_policy (window);
  PwPolicyItem *item = first_item (policy, FALSE, FALSE);
  GtkWidget *row = pw_policy_page_get_row (get_page (window), pw_policy_item_get_id (item));
  g_autofree char *before = g_strdup (pw_policy_item_get_owner (item));
  GtkWidget *owner;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pw_test_ui_flush ();
  owner = pw_test_ui_find_widget (row, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (owner);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (owner)), ==, "Owner");

  gtk_editable_set_text (GTK_EDITABLE (owner), "  Brand Studio ");
  g_signal_emit_by_name (owner, "apply");
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_policy_item_get_owner (item), ==, "Brand Studio");
  /* The row says it, and the owner filter offers it */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)),
                            "Brand Studio"));
  page_action (window, "policy.filter-owner", "s", "Brand Studio");
  g_assert_cmpuint (pw_policy_page_get_n_shown (get_page (window)), ==, 1);
  page_action (window, "policy.clear-filters", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_policy_item_get_owner (item), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner)), ==, before ? before : "");

  destroy_window (window);
}

/* A label of @widget's row, that would show with the page, whose text
 * starts with @prefix (the Policy area need not be the one shown) */
static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  prefix)
{
  if (!GTK_IS_LABEL (widget)
      || !g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return FALSE;

  for (; widget != NULL && !ADW_IS_EXPANDER_ROW (widget); widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_visible (widget)
        || (GTK_IS_REVEALER (widget) && !gtk_revealer_get_reveal_child (GTK_REVEALER (widget))))
      return FALSE;

  return widget != NULL;
}

/* An open item says what proves it is in place, as the framework has it */
static void
test_evidence (void)
{
  PwWindow *window = open_example ();
  PwPolicy *policy = get_policy (window);
  PwPolicyItem *item = pw_policy_find_item (policy, "crisis-plan");
  const PwPolicyItemDef *def = pw_framework_find_policy_item (pw_policy_get_framework (policy),
                                                              "crisis-plan");
  GtkWidget *row = pw_policy_page_get_row (get_page (window), "crisis-plan");
  g_autofree char *expected = NULL;
  GtkLabel *label;

  g_assert_nonnull (item);
  g_assert_nonnull (def);
  g_assert_nonnull (def->evidence);
  g_assert_cmpstr (pw_policy_get_item_evidence (policy, item), ==, def->evidence);
  g_assert_nonnull (row);

  /* Closed, it does not show; open, under what the item covers */
  g_assert_null (pw_test_ui_find (row, is_shown_label, "Evidence: "));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pw_test_ui_flush ();
  label = GTK_LABEL (pw_test_ui_find (row, is_shown_label, "Evidence: "));
  g_assert_nonnull (label);
  expected = g_strdup_printf ("Evidence: %s", def->evidence);
  g_assert_cmpstr (gtk_label_get_label (label), ==, expected);
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_nonnull (pw_test_ui_find (row, is_shown_label, "What It Covers"));

  destroy_window (window);
}

static PwPolicyItem *
find_by_title (PwPolicy   *policy,
               const char *title)
{
  GListModel *items = pw_policy_get_items (policy);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PwPolicyItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (pw_policy_item_get_title (item), title) == 0)
        return item;
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return pw_test_ui_find_dialog (data) != NULL;
}

static void
test_add_item (void)
{
  PwWindow *window = open_example ();
  PwPolicy *policy = get_policy (window);
  guint n = g_list_model_get_n_items (pw_policy_get_items (policy));
  AdwMessageDialog *dialog;
  GtkWidget *title;
  PwPolicyItem *item;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  guint position;

  page_action (window, "policy.add-item", NULL);
  pw_test_ui_wait (dialog_shown, "Add Item", "the Add Item dialog");
  dialog = pw_test_ui_find_dialog ("Add Item");
  /* A title is needed */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  title = pw_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (title)), ==, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title), "Store staff on social media");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  pw_test_ui_respond ("Add Item", "save");

  g_assert_cmpuint (g_list_model_get_n_items (pw_policy_get_items (policy)), ==, n + 1);
  item = find_by_title (policy, "Store staff on social media");
  g_assert_nonnull (item);
  g_assert_true (pw_policy_item_get_custom (item));
  id = g_strdup (pw_policy_item_get_id (item));
  g_assert_nonnull (pw_policy_page_get_row (get_page (window), id));

  /* Moved up within its category, by the row's action */
  ordered = pw_policy_get_ordered_items (policy);
  g_assert_true (g_ptr_array_find (ordered, item, &position));
  page_action (window, "policy.move-item-up", "s", id);
  g_clear_pointer (&ordered, g_ptr_array_unref);
  ordered = pw_policy_get_ordered_items (policy);
  {
    guint moved;

    g_assert_true (g_ptr_array_find (ordered, item, &moved));
    g_assert_cmpuint (moved, ==, position - 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));

  /* Removed after asking, and back with undo */
  page_action (window, "policy.remove-item", "s", id);
  pw_test_ui_respond ("Remove Item?", "remove");
  g_assert_null (pw_policy_find_item (policy, id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_nonnull (pw_policy_find_item (policy, id));
  g_assert_nonnull (pw_policy_page_get_row (get_page (window), id));

  /* Undoing the addition takes it away */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_null (pw_policy_find_item (policy, id));
  g_assert_null (pw_policy_page_get_row (get_page (window), id));

  destroy_window (window);
}

static gboolean
document_saved (gpointer data)
{
  PwDocument *document = pw_window_get_document (data);

  return document != NULL && !pw_document_get_busy (document)
         && !pw_document_get_modified (document);
}

static const PwDimensionScore *
governance_score (PwScore     *score,
                  PwFramework *framework)
{
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    if (g_str_equal (pw_framework_get_dimension (framework, d)->id, "governance"))
      return &score->dimensions[d];
  g_assert_not_reached ();
}

static void
test_core_in_place (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "policy", NULL);
  g_autofree char *path = g_build_filename (dir, "policy.phasewise", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) core_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PwScore) before = NULL;
  g_autoptr(PwScore) after = NULL;
  PwWindow *window = pw_test_ui_new_window ();
  PwWorkbook *workbook;
  PwFramework *framework;
  PwAssessment *assessment;
  PwPolicy *policy;
  PwWizard *wizard;

  g_mkdir_with_parents (dir, 0700);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  pw_test_ui_flush ();
  workbook = pw_document_get_workbook (pw_window_get_document (window));
  framework = pw_workbook_get_framework (workbook);
  policy = pw_workbook_get_policy (workbook);

  /* An assessment whose governance answers are all phase 5 */
  gtk_widget_activate_action (GTK_WIDGET (pw_test_ui_find_widget (GTK_WIDGET (window),
                                                                  PW_TYPE_ASSESS_PAGE)),
                              "assess.new", NULL);
  pw_test_ui_flush ();
  assessment = pw_assess_page_get_selected (PW_ASSESS_PAGE (
                 pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_ASSESS_PAGE)));
  wizard = PW_WIZARD (pw_assess_page_get_wizard (PW_ASSESS_PAGE (
                        pw_test_ui_find_widget (GTK_WIDGET (window), PW_TYPE_ASSESS_PAGE))));
  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      if (!g_str_equal (dimension->id, "governance"))
        continue;
      for (guint q = 0; q < dimension->questions->len; q++)
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.answer", "(ss)",
                                                   ((PwQuestion *) g_ptr_array_index (
                                                      dimension->questions, q))->id, "5"));
    }

  before = pw_score_compute (framework, assessment, policy);
  g_assert_true (governance_score (before, framework)->capped);
  g_assert_cmpint (governance_score (before, framework)->phase, <=, 3);

  /* The eleven core items, in place through the page's action */
  missing = pw_policy_get_missing_core (policy, NULL);
  g_assert_cmpuint (missing->len, ==, 11);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-policy", NULL);
  for (guint i = 0; i < missing->len; i++)
    {
      const char *id = pw_policy_item_get_id (g_ptr_array_index (missing, i));

      g_ptr_array_add (core_ids, g_strdup (id));
      page_action (window, "policy.set-status", "(ss)", id, "in-place");
    }
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = pw_policy_get_missing_core (policy, NULL);
  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (get_page (window)), "11 of "));

  after = pw_score_compute (framework, assessment, policy);
  g_assert_false (governance_score (after, framework)->capped);
  g_assert_cmpint (governance_score (after, framework)->phase, ==, 5);

  /* Undo brings one back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = pw_policy_get_missing_core (policy, NULL);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (pw_policy_item_get_id (g_ptr_array_index (missing, 0)), ==,
                   g_ptr_array_index (core_ids, core_ids->len - 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  pw_test_ui_flush ();

  /* Saved, reopened: the statuses and their history */
  pw_document_save_async (pw_window_get_document (window), file, PW_SAVE_NONE, NULL, NULL, NULL);
  pw_test_ui_wait (document_saved, window, "the save");
  destroy_window (window);

  window = pw_test_ui_new_window ();
  pw_test_ui_open_file (window, file);
  policy = get_policy (window);
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = pw_policy_get_missing_core (policy, NULL);
  g_assert_cmpuint (missing->len, ==, 0);
  for (guint i = 0; i < core_ids->len; i++)
    {
      PwPolicyItem *item = pw_policy_find_item (policy, g_ptr_array_index (core_ids, i));
      GPtrArray *changes = pw_policy_item_get_changes (item);
      PwPolicyChange *change;

      g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_IN_PLACE);
      g_assert_nonnull (changes);
      g_assert_cmpuint (changes->len, ==, 1);
      change = g_ptr_array_index (changes, 0);
      g_assert_cmpint (change->previous, ==, PW_POLICY_MISSING);
      g_assert_cmpint (change->status, ==, PW_POLICY_IN_PLACE);
    }
  destroy_window (window);
}

static void
test_reason (void)
{
  PwWindow *window = open_example ();
  PwPolicy *policy = get_policy (window);
  g_autoptr(GPtrArray) missing = pw_policy_get_missing_core (policy, NULL);
  PwPolicyItem *item = g_ptr_array_index (missing, 0);
  PwPolicyStatus status = pw_policy_item_get_status (item);
  const char *heading = "Why Does This Item Not Apply?";
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  /* Without a reason the dialog does not accept, and an empty answer is refused */
  page_action (window, "policy.set-status", "(ss)", pw_policy_item_get_id (item),
               "not-applicable");
  pw_test_ui_wait (dialog_shown, (gpointer) heading, heading);
  dialog = pw_test_ui_find_dialog (heading);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  entry = pw_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  pw_test_ui_respond (heading, "apply");
  g_assert_cmpint (pw_policy_item_get_status (item), ==, status);

  /* Cancelled: the status menu shows the status again */
  page_action (window, "policy.set-status", "(ss)", pw_policy_item_get_id (item),
               "not-applicable");
  pw_test_ui_respond (heading, "cancel");
  g_assert_cmpint (pw_policy_item_get_status (item), ==, status);
  {
    GtkWidget *row = pw_policy_page_get_row (get_page (window), pw_policy_item_get_id (item));
    GtkWidget *button = pw_test_ui_find_widget (row, GTK_TYPE_MENU_BUTTON);

    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==,
                     status_names[status]);
  }

  /* With a reason it is taken */
  page_action (window, "policy.set-status", "(ss)", pw_policy_item_get_id (item),
               "not-applicable");
  pw_test_ui_wait (dialog_shown, (gpointer) heading, heading);
  dialog = pw_test_ui_find_dialog (heading);
  entry = pw_test_ui_find_widget (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "The group's policy covers it");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  pw_test_ui_respond (heading, "apply");
  g_assert_cmpint (pw_policy_item_get_status (item), ==, PW_POLICY_NOT_APPLICABLE);
  g_assert_cmpstr (pw_policy_item_get_reason (item), ==, "The group's policy covers it");

  destroy_window (window);
}

static void
test_as_of (void)
{
  PwWindow *window = open_example ();
  PwPolicyPage *page = get_page (window);
  PwPolicy *policy = get_policy (window);
  g_autoptr(GPtrArray) missing = pw_policy_get_missing_core (policy, NULL);
  PwPolicyItem *item = g_ptr_array_index (missing, 0);
  const char *since = pw_policy_get_history_since (policy);
  GtkWidget *row = pw_policy_page_get_row (page, pw_policy_item_get_id (item));
  GtkWidget *status_button = pw_test_ui_find_widget (row, GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (since);
  g_assert_true (gtk_widget_get_sensitive (status_button));

  /* Before the history: a notice says so; nothing can be changed */
  page_action (window, "policy.view-as-of", "s", "2000-01-01");
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (page), "The history is known from"));
  g_assert_false (gtk_widget_get_sensitive (status_button));
  gtk_widget_activate_action (GTK_WIDGET (page), "policy.set-status", "(ss)",
                              pw_policy_item_get_id (item), "in-place");
  pw_test_ui_flush ();
  g_assert_cmpint (pw_policy_item_get_status (item), !=, PW_POLICY_IN_PLACE);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (status_button)), ==,
                   status_names[pw_policy_item_get_status_on (item, "2000-01-01")]);

  /* Back to today */
  page_action (window, "policy.view-as-of", "s", "");
  g_assert_true (gtk_widget_get_sensitive (status_button));
  g_assert_null (pw_test_ui_find_label (GTK_WIDGET (page), "The history is known from"));

  destroy_window (window);
}

/* The time is reported, not checked: the machine may be loaded. */
static void
test_many_items (void)
{
  PwWindow *window = open_example ();
  PwPolicyPage *page = get_page (window);
  PwWorkbook *workbook = pw_document_get_workbook (pw_window_get_document (window));
  PwPolicy *policy = get_policy (window);
  guint n = g_list_model_get_n_items (pw_policy_get_items (policy));
  gint64 start;

  pw_workbook_begin_edit (workbook, "Many items");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = pw_policy_new_custom_id (policy);
      g_autofree char *title = g_strdup_printf ("Generated item %u", i);
      g_autoptr(PwPolicyItem) item = pw_policy_item_new (id, TRUE);

      pw_policy_item_set_title (item, title);
      pw_policy_item_set_category (item, "scope");
      pw_policy_add_custom_item (policy, item);
    }
  pw_workbook_end_edit (workbook);

  start = g_get_monotonic_time ();
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, n + 200);
  g_test_message ("%u rows built in %" G_GINT64_FORMAT " ms", n + 200,
                  (g_get_monotonic_time () - start) / 1000);

  start = g_get_monotonic_time ();
  page_action (window, "policy.search", "s", "generated item 1");
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, 111);
  g_test_message ("filtered in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  page_action (window, "policy.clear-filters", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (pw_policy_page_get_n_shown (page), ==, n);

  destroy_window (window);
}

static gboolean
has_label (gpointer data)
{
  gpointer *args = data;

  return pw_test_ui_find_label (args[0], args[1]) != NULL;
}

static PwCustomCategory *
find_category (PwPolicy   *policy,
               const char *name)
{
  GListModel *categories = pw_policy_get_custom_categories (policy);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(PwCustomCategory) category = g_list_model_get_item (categories, i);

      if (g_strcmp0 (pw_custom_category_get_name (category), name) == 0)
        return category;
    }
  return NULL;
}

static void
fill_dialog (const char *heading,
             const char *text)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  pw_test_ui_wait (dialog_shown, (gpointer) heading, heading);
  dialog = pw_test_ui_find_dialog (heading);
  entry = pw_test_ui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  pw_test_ui_respond (heading, "save");
}

static void
test_categories (void)
{
  PwWindow *window = open_example ();
  PwPolicy *policy = get_policy (window);
  GListModel *custom = pw_policy_get_custom_categories (policy);
  guint n = g_list_model_get_n_items (custom);
  guint n_items = g_list_model_get_n_items (pw_policy_get_items (policy));
  g_autofree char *id = NULL;
  PwCustomCategory *category;
  guint position;

  page_action (window, "policy.add-category", NULL);
  fill_dialog ("Add Category", "Franchise partners");
  category = find_category (policy, "Franchise partners");
  g_assert_nonnull (category);
  g_assert_cmpuint (g_list_model_get_n_items (custom), ==, n + 1);
  id = g_strdup (pw_custom_category_get_id (category));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (get_page (window)), "Franchise partners"));

  /* Renamed: the section says the new name */
  page_action (window, "policy.rename-category", "s", id);
  fill_dialog ("Rename Category", "Franchisees");
  g_assert_cmpstr (pw_custom_category_get_name (category), ==, "Franchisees");
  pw_policy_page_get_n_shown (get_page (window));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (get_page (window)), "Franchisees"));

  page_action (window, "policy.move-category-up", "s", id);
  g_assert_true (g_list_store_find (G_LIST_STORE (custom), category, &position));
  g_assert_cmpuint (position, ==, n - 1);

  {
    g_autofree char *item_id = pw_policy_new_custom_id (policy);
    g_autoptr(PwPolicyItem) item = pw_policy_item_new (item_id, TRUE);

    pw_policy_item_set_title (item, "Franchise agreement covers social media");
    pw_policy_item_set_category (item, id);
    pw_policy_add_custom_item (policy, item);
  }

  /* Removed with its item after asking; undo brings both back */
  g_object_ref (category);
  page_action (window, "policy.remove-category", "s", id);
  pw_test_ui_respond ("Remove Category?", "remove");
  g_assert_null (pw_policy_find_custom_category (policy, id));
  g_assert_cmpuint (g_list_model_get_n_items (pw_policy_get_items (policy)), ==, n_items);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_nonnull (pw_policy_find_custom_category (policy, id));
  g_assert_cmpuint (g_list_model_get_n_items (pw_policy_get_items (policy)), ==, n_items + 1);
  g_object_unref (category);

  destroy_window (window);
}

static GtkDropTarget *
find_drop_target (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static guint
position_of (PwPolicy     *policy,
             PwPolicyItem *item)
{
  g_autoptr(GPtrArray) ordered = pw_policy_get_ordered_items (policy);
  guint position = G_MAXUINT;

  g_assert_true (g_ptr_array_find (ordered, item, &position));
  return position;
}

/* What a drop does, as GtkDropTarget reports it */
static void
test_drop (void)
{
  PwWindow *window = open_example ();
  PwPolicy *policy = get_policy (window);
  PwPolicyItem *items[2];
  GtkDropTarget *target;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = pw_policy_new_custom_id (policy);
      g_autofree char *title = g_strdup_printf ("Dragged item %u", i);

      items[i] = pw_policy_item_new (id, TRUE);
      pw_policy_item_set_title (items[i], title);
      pw_policy_item_set_category (items[i], "scope");
      pw_policy_add_custom_item (policy, items[i]);
    }
  g_assert_cmpuint (position_of (policy, items[1]), ==, position_of (policy, items[0]) + 1);

  /* The second dropped on the first: before it */
  target = find_drop_target (pw_policy_page_get_row (get_page (window),
                                                     pw_policy_item_get_id (items[0])));
  g_assert_nonnull (target);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, pw_policy_item_get_id (items[1]));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  pw_test_ui_flush ();
  g_assert_true (dropped);
  g_assert_cmpuint (position_of (policy, items[1]), ==, position_of (policy, items[0]) - 1);

  /* A built-in item is not dropped anywhere */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, pw_policy_item_get_id (first_item (policy, TRUE, FALSE)));
  g_signal_emit_by_name (find_drop_target (pw_policy_page_get_row (
                                             get_page (window), pw_policy_item_get_id (items[1]))),
                         "drop", &value, 10.0, 10.0, &dropped);
  g_value_unset (&value);
  g_assert_false (dropped);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  pw_test_ui_flush ();
  g_assert_cmpuint (position_of (policy, items[1]), ==, position_of (policy, items[0]) + 1);

  g_object_unref (items[0]);
  g_object_unref (items[1]);
  destroy_window (window);
}

/* What win.export-policy-csv does once the file is chosen */
static void
test_export (void)
{
  PwWindow *window = open_example ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "exports", NULL);
  g_autofree char *path = g_build_filename (dir, "checklist.csv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing-folder", "checklist.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GDate today;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_mkdir_with_parents (dir, 0700);
  _pw_window_write_policy_csv (window, file);
  {
    gpointer args[] = { window, "Exported “checklist.csv”" };

    pw_test_ui_wait (has_label, args, "the export's toast");
  }
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  expected = pw_policy_to_csv (get_policy (window), &today);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  _pw_window_write_policy_csv (window, bad);
  pw_test_ui_respond ("Could Not Export “checklist.csv”", "close");

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("phasewise-test-policy-XXXXXX", NULL);
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                         "XDG_STATE_HOME", "XDG_RUNTIME_DIR" };
  int status;

  /* Private data, config and cache folders, but the system's data folders
   * (see test-window.c) */
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i], dir, TRUE);
    }
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/phasewise/policy-page/filter", test_filter);
  g_test_add_func ("/phasewise/policy-page/show-items", test_show_items);
  g_test_add_func ("/phasewise/policy-page/edit-item", test_edit_item);
  g_test_add_func ("/phasewise/policy-page/evidence", test_evidence);
  g_test_add_func ("/phasewise/policy-page/add-item", test_add_item);
  g_test_add_func ("/phasewise/policy-page/core-in-place", test_core_in_place);
  g_test_add_func ("/phasewise/policy-page/reason", test_reason);
  g_test_add_func ("/phasewise/policy-page/as-of", test_as_of);
  g_test_add_func ("/phasewise/policy-page/many-items", test_many_items);
  g_test_add_func ("/phasewise/policy-page/categories", test_categories);
  g_test_add_func ("/phasewise/policy-page/drop", test_drop);
  g_test_add_func ("/phasewise/policy-page/export", test_export);

  status = g_test_run ();
  return status;
}
