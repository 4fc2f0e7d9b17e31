/* test-team-panel.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-team-panel"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-org-model-card.h"
#include "pw-team-panel.h"
#include "pw-test-ui.h"

/*
 * The organization map's side panel and model card, with the example
 * workbook, in a window of their own under Xvfb: the panel shows one team,
 * writes every edit to it and follows the model back (undo, assessments,
 * hubs, the team removed); the card names the model the map shows.
 *
 *   /phasewise/team-panel/empty          no team: how to pick one
 *   /phasewise/team-panel/fields         a team's properties fill the fields
 *   /phasewise/team-panel/name           the name both ways, undo, never empty
 *   /phasewise/team-panel/numbers        headcount and experts are written
 *   /phasewise/team-panel/hub            another hub in one undo step
 *   /phasewise/team-panel/channels       toggles, a channel of one's own, removed
 *   /phasewise/team-panel/assessments    newest first, phases, stale marked, live
 *   /phasewise/team-panel/actions        rows and the button activate win.*
 *   /phasewise/team-panel/removed        a team removed from the map empties the panel
 *   /phasewise/team-panel/model-card     the detected model, following the map
 *   /phasewise/team-panel/render         the panel and the card in PNGs, light and dark
 */

typedef struct
{
  PwWorkbook  *workbook;
  PwHistory   *history;
  PwRecorder  *recorder;
  GtkWindow   *window;
  PwTeamPanel *panel;
  gint64       now;  /* the history's clock: edits this close are one step */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

/* The next edit is a step of its own */
static void
later (Fixture *fixture)
{
  fixture->now += 10 * G_USEC_PER_SEC;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->workbook = pw_test_load_example ();
  fixture->history = pw_history_new ();
  fixture->now = G_USEC_PER_SEC;
  pw_history_set_clock (fixture->history, fake_clock, fixture);
  fixture->recorder = pw_recorder_new (fixture->workbook, fixture->history);
  fixture->panel = PW_TEAM_PANEL (pw_team_panel_new ());
  pw_team_panel_set_workbook (fixture->panel, fixture->workbook);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 800);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->panel));
  gtk_window_present (fixture->window);
  pw_test_ui_flush ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->panel), (gpointer *) &fixture->panel);
  gtk_window_destroy (fixture->window);
  pw_test_ui_flush ();
  g_assert_null (fixture->panel);

  g_assert_finalize_object (fixture->recorder);
  g_assert_finalize_object (fixture->history);
  g_assert_finalize_object (fixture->workbook);
}

static PwTeam *
find_team (Fixture    *fixture,
           const char *id)
{
  PwTeam *team = pw_org_map_find_team (pw_workbook_get_org_map (fixture->workbook), id);

  g_assert_nonnull (team);
  return team;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  GtkWidget *row = pw_test_ui_find_row (GTK_WIDGET (fixture->panel), title);

  g_assert_nonnull (row);
  return row;
}

static GtkSpinButton *
find_spin (Fixture    *fixture,
           const char *title)
{
  return GTK_SPIN_BUTTON (pw_test_ui_find_widget (find_row (fixture, title),
                                                  GTK_TYPE_SPIN_BUTTON));
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  GtkWidget *text;

  if (!GTK_IS_TOGGLE_BUTTON (widget))
    return FALSE;
  text = pw_test_ui_find_widget (widget, GTK_TYPE_LABEL);
  return text != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (text)), label) == 0;
}

static GtkToggleButton *
find_toggle (Fixture    *fixture,
             const char *label)
{
  GtkWidget *button = pw_test_ui_find (GTK_WIDGET (fixture->panel), is_toggle_labelled, label);

  g_assert_nonnull (button);
  return GTK_TOGGLE_BUTTON (button);
}

static gboolean
shows_empty (PwTeamPanel *panel)
{
  GtkWidget *page = pw_test_ui_find_widget (GTK_WIDGET (panel), ADW_TYPE_STATUS_PAGE);

  return page != NULL && gtk_widget_get_mapped (page);
}

static gboolean
has_channel (PwTeam     *team,
             const char *channel)
{
  return g_strv_contains (pw_team_get_channels (team), channel);
}

static char *
phase_of (Fixture    *fixture,
          const char *assessment_id)
{
  PwAssessment *assessment = pw_workbook_find_assessment (fixture->workbook, assessment_id);
  PwFramework *framework = pw_workbook_get_framework (fixture->workbook);
  g_autoptr(PwScore) score = NULL;

  g_assert_nonnull (assessment);
  score = pw_score_compute (framework, assessment, pw_workbook_get_policy (fixture->workbook));
  g_assert_true (score->has_score);

  return pw_result_text_phase (framework, score->phase);
}

/* ------------------------------------------------------------------------ */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_null (pw_team_panel_get_team (fixture->panel));
  g_assert_true (shows_empty (fixture->panel));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (fixture->panel), "No Team Selected"));

  pw_team_panel_set_team (fixture->panel, find_team (fixture, "talent"));
  pw_test_ui_flush ();
  g_assert_false (shows_empty (fixture->panel));

  pw_team_panel_set_team (fixture->panel, NULL);
  pw_test_ui_flush ();
  g_assert_true (shows_empty (fixture->panel));
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *hub_row;

  pw_team_panel_set_team (fixture->panel, find_team (fixture, "talent"));
  pw_test_ui_flush ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture, "Name"))), ==,
                   "Talent Acquisition");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture, "Function"))), ==,
                   "HR");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture, "Region"))), ==,
                   "Global");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (fixture, "Kind"))),
                    ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin (fixture, "Dedicated Headcount")),
                   ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (find_spin (fixture, "SMEs Engaged")),
                   ==, 5);

  hub_row = find_row (fixture, "Hub");
  g_assert_true (gtk_widget_get_visible (hub_row));
  {
    GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (hub_row));

    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), ==,
                     "Social Media Center of Excellence");
  }

  g_assert_true (gtk_toggle_button_get_active (find_toggle (fixture, "LinkedIn")));
  g_assert_false (gtk_toggle_button_get_active (find_toggle (fixture, "Instagram")));
  /* Not one of the usual networks: a row of its own */
  g_assert_nonnull (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Glassdoor"));

  /* The heading */
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (fixture->panel), "Talent Acquisition"));

  /* A hub has no hub */
  pw_team_panel_set_team (fixture->panel, find_team (fixture, "hub"));
  pw_test_ui_flush ();
  g_assert_false (gtk_widget_get_visible (find_row (fixture, "Hub")));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (fixture, "Kind"))),
                    ==, 0);
  g_assert_null (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Glassdoor"));

  /* The kind is written */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (fixture, "Kind")), 1);
  g_assert_cmpint (pw_team_get_kind (find_team (fixture, "hub")), ==, PW_TEAM_SPOKE);
  g_assert_true (gtk_widget_get_visible (find_row (fixture, "Hub")));
}

static void
test_name (Fixture       *fixture,
           gconstpointer  data)
{
  PwTeam *team = find_team (fixture, "talent");
  GtkEditable *name;
  GtkEditable *function;

  pw_team_panel_set_team (fixture->panel, team);
  pw_test_ui_flush ();
  name = GTK_EDITABLE (find_row (fixture, "Name"));
  function = GTK_EDITABLE (find_row (fixture, "Function"));

  gtk_editable_set_text (name, "Talent & Employer Brand");
  g_assert_cmpstr (pw_team_get_name (team), ==, "Talent & Employer Brand");
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (fixture->panel),
                                           "Talent & Employer Brand"));

  /* The model, into the entry */
  pw_team_set_name (team, "Recruiting");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Recruiting");

  /* Undo, into the entry: the two renames, close together, are one step */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpstr (pw_team_get_name (team), ==, "Talent Acquisition");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Talent Acquisition");
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (fixture->panel), "Talent Acquisition"));

  /* The cursor stays where it is when the model says what the entry says */
  gtk_editable_set_position (name, 3);
  pw_team_set_function (team, "People");
  g_assert_cmpint (gtk_editable_get_position (name), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (function), ==, "People");

  gtk_editable_set_text (function, "Human resources");
  g_assert_cmpstr (pw_team_get_function (team), ==, "Human resources");
  gtk_editable_set_text (GTK_EDITABLE (find_row (fixture, "Region")), "EMEA");
  g_assert_cmpstr (pw_team_get_region (team), ==, "EMEA");

  /* An empty name is shown, not written */
  gtk_editable_set_text (name, "");
  g_assert_cmpstr (pw_team_get_name (team), ==, "Talent Acquisition");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));
  gtk_editable_set_text (name, "Talent");
  g_assert_cmpstr (pw_team_get_name (team), ==, "Talent");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (name), "error"));

  /* Notes */
  {
    GtkTextView *view = GTK_TEXT_VIEW (pw_test_ui_find_widget (GTK_WIDGET (fixture->panel),
                                                               GTK_TYPE_TEXT_VIEW));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_set_text (buffer, "Hires through LinkedIn.\nAsks for posts.", -1);
    g_assert_cmpstr (pw_team_get_notes (team), ==, "Hires through LinkedIn.\nAsks for posts.");
    pw_team_set_notes (team, "Changed elsewhere");
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
    g_assert_cmpstr (text, ==, "Changed elsewhere");
  }
}

static void
test_numbers (Fixture       *fixture,
              gconstpointer  data)
{
  PwTeam *team = find_team (fixture, "product");
  GtkSpinButton *headcount, *smes;

  pw_team_panel_set_team (fixture->panel, team);
  pw_test_ui_flush ();
  headcount = find_spin (fixture, "Dedicated Headcount");
  smes = find_spin (fixture, "SMEs Engaged");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (headcount), ==, 3);

  gtk_spin_button_set_value (headcount, 7);
  g_assert_cmpint (pw_team_get_headcount (team), ==, 7);
  later (fixture);
  gtk_spin_button_set_value (smes, 40);
  g_assert_cmpint (pw_team_get_smes (team), ==, 40);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_team_get_smes (team), ==, 6);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (smes), ==, 6);
}

typedef struct
{
  AdwComboRow *row;
  guint        n_items;
} HubWait;

static gboolean
hub_choices_are (gpointer data)
{
  HubWait *wait = data;

  return g_list_model_get_n_items (adw_combo_row_get_model (wait->row)) == wait->n_items;
}

static guint
find_choice (AdwComboRow *row,
             const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
test_hub (Fixture       *fixture,
          gconstpointer  data)
{
  PwOrgMap *map = pw_workbook_get_org_map (fixture->workbook);
  PwTeam *team = find_team (fixture, "talent");
  PwTeam *brand;
  HubWait wait;
  guint steps;

  pw_team_panel_set_team (fixture->panel, team);
  pw_test_ui_flush ();
  wait.row = ADW_COMBO_ROW (find_row (fixture, "Hub"));
  wait.n_items = 2;  /* None and the example's hub */
  g_assert_true (hub_choices_are (&wait));
  g_assert_cmpuint (adw_combo_row_get_selected (wait.row), ==, 1);

  /* A hub added to the map is a choice at once */
  brand = pw_workbook_add_team (fixture->workbook, PW_TEAM_HUB, "Employer Brand Hub", 900, 100);
  wait.n_items = 3;
  pw_test_ui_wait (hub_choices_are, &wait, "the new hub among the choices");
  g_assert_cmpuint (adw_combo_row_get_selected (wait.row), ==, 1);

  /* …and renamed */
  pw_team_set_name (brand, "Employer Brand");
  pw_test_ui_flush ();
  later (fixture);
  steps = pw_history_get_n_undo (fixture->history);
  adw_combo_row_set_selected (wait.row, find_choice (wait.row, "Employer Brand"));
  g_assert_true (pw_org_map_has_link (map, pw_team_get_id (brand), "talent"));
  g_assert_false (pw_org_map_has_link (map, "hub", "talent"));
  g_assert_true (pw_org_map_get_hub_of (map, team) == brand);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps + 1);

  /* One undo takes the whole change back, and the row follows */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (pw_org_map_has_link (map, "hub", "talent"));
  g_assert_false (pw_org_map_has_link (map, pw_team_get_id (brand), "talent"));
  pw_test_ui_flush ();
  g_assert_cmpuint (adw_combo_row_get_selected (wait.row), ==,
                    find_choice (wait.row, "Social Media Center of Excellence"));

  /* None: linked to no hub */
  adw_combo_row_set_selected (wait.row, 0);
  g_assert_null (pw_org_map_get_hub_of (map, team));
  g_assert_false (pw_org_map_has_link (map, "hub", "talent"));
}

static void
test_channels (Fixture       *fixture,
               gconstpointer  data)
{
  PwTeam *team = find_team (fixture, "talent");
  GtkWidget *add_row, *row, *button;

  pw_team_panel_set_team (fixture->panel, team);
  pw_test_ui_flush ();

  gtk_toggle_button_set_active (find_toggle (fixture, "Instagram"), TRUE);
  g_assert_true (has_channel (team, "Instagram"));
  g_assert_true (has_channel (team, "Glassdoor"));
  later (fixture);
  gtk_toggle_button_set_active (find_toggle (fixture, "LinkedIn"), FALSE);
  g_assert_false (has_channel (team, "LinkedIn"));

  /* The model, into the toggles */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_true (has_channel (team, "LinkedIn"));
  g_assert_true (gtk_toggle_button_get_active (find_toggle (fixture, "LinkedIn")));
  g_assert_true (has_channel (team, "Instagram"));

  /* A channel of one's own: Enter adds it */
  add_row = find_row (fixture, "Add Another Channel");
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Xing");
  g_signal_emit_by_name (add_row, "entry-activated");
  g_assert_true (has_channel (team, "Xing"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
  row = pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Xing");
  g_assert_nonnull (row);

  /* A usual one typed is its toggle */
  gtk_editable_set_text (GTK_EDITABLE (add_row), "tiktok");
  g_signal_emit_by_name (add_row, "entry-activated");
  g_assert_true (has_channel (team, "TikTok"));
  g_assert_true (gtk_toggle_button_get_active (find_toggle (fixture, "TikTok")));
  g_assert_null (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "tiktok"));

  /* …and removed with its button */
  button = pw_test_ui_find_widget (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Remove Channel");
  g_signal_emit_by_name (button, "clicked");
  pw_test_ui_flush ();
  g_assert_false (has_channel (team, "Xing"));
  g_assert_null (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Xing"));
  g_assert_true (has_channel (team, "Glassdoor"));
}

typedef struct
{
  PwTeamPanel *panel;
  const char  *title;
  gboolean     present;
} RowWait;

static gboolean
row_is_there (gpointer data)
{
  RowWait *wait = data;

  return (pw_test_ui_find_row (GTK_WIDGET (wait->panel), wait->title) != NULL) == wait->present;
}

static void
test_assessments (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *talent_phase = phase_of (fixture, "assessment-3");
  g_autofree char *sales_phase = phase_of (fixture, "assessment-5");
  PwAssessment *assessment;
  GtkWidget *row;
  RowWait wait = { fixture->panel, NULL, TRUE };
  const char *subtitle;

  /* Assessed this autumn: its phase, not stale */
  pw_team_panel_set_team (fixture->panel, find_team (fixture, "talent"));
  pw_test_ui_flush ();
  row = find_row (fixture, "Talent review 2026");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, talent_phase));
  g_assert_nonnull (strstr (subtitle, "2026"));
  g_assert_null (strstr (subtitle, "More than 12 months ago"));
  g_assert_null (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Sales Europe 2025"));
  /* The heading shows the latest phase */
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (fixture->panel), talent_phase));

  /* More than a year ago: marked */
  pw_team_panel_set_team (fixture->panel, find_team (fixture, "sales-eu"));
  pw_test_ui_flush ();
  row = find_row (fixture, "Sales Europe 2025");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, sales_phase));
  g_assert_nonnull (strstr (subtitle, "More than 12 months ago"));
  g_assert_null (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Talent review 2026"));

  /* A new round: newest first */
  assessment = pw_workbook_start_assessment (fixture->workbook, "sales-eu");
  pw_assessment_set_round (assessment, "Sales Europe 2026");
  wait.title = "Sales Europe 2026";
  pw_test_ui_wait (row_is_there, &wait, "the new round in the list");
  row = find_row (fixture, "Sales Europe 2026");
  g_assert_true (gtk_widget_get_next_sibling (row) == find_row (fixture, "Sales Europe 2025"));
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, "No score yet"));
  /* …its round renamed */
  pw_assessment_set_round (assessment, "Sales Europe, second round");
  wait.title = "Sales Europe, second round";
  pw_test_ui_wait (row_is_there, &wait, "the renamed round");
  /* …and removed */
  pw_workbook_remove_assessment (fixture->workbook, assessment);
  wait.present = FALSE;
  pw_test_ui_wait (row_is_there, &wait, "the round removed");

  /* Never assessed */
  pw_team_panel_set_team (fixture->panel, find_team (fixture, "care"));
  pw_test_ui_flush ();
  g_assert_nonnull (pw_test_ui_find_row (GTK_WIDGET (fixture->panel), "Not assessed yet"));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (fixture->panel), "Not assessed"));
}

static void
activated_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  char **activated = user_data;

  g_free (*activated);
  *activated = g_variant_dup_string (parameter, NULL);
}

static gboolean
is_mnemonic_button (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
test_actions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-assessment", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) assess = g_simple_action_new ("assess-team", G_VARIANT_TYPE_STRING);
  g_autofree char *shown = NULL;
  g_autofree char *assessed = NULL;
  GtkWidget *button;

  g_signal_connect (show, "activate", G_CALLBACK (activated_cb), &shown);
  g_signal_connect (assess, "activate", G_CALLBACK (activated_cb), &assessed);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (show));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (assess));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));

  pw_team_panel_set_team (fixture->panel, find_team (fixture, "product"));
  pw_test_ui_flush ();
  adw_action_row_activate (ADW_ACTION_ROW (find_row (fixture, "Product marketing 2026")));
  g_assert_cmpstr (shown, ==, "assessment-4");

  button = pw_test_ui_find (GTK_WIDGET (fixture->panel), is_mnemonic_button,
                            "_Assess This Team");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (assessed, ==, "product");

  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", NULL);
}

static void
test_removed (Fixture       *fixture,
              gconstpointer  data)
{
  PwTeam *team = find_team (fixture, "product");

  pw_team_panel_set_team (fixture->panel, team);
  pw_test_ui_flush ();
  g_assert_false (shows_empty (fixture->panel));

  pw_workbook_delete_teams (fixture->workbook, &team, 1);
  g_assert_null (pw_team_panel_get_team (fixture->panel));
  pw_test_ui_flush ();
  g_assert_true (shows_empty (fixture->panel));

  /* Undo brings the team back, not the selection: that is the map's */
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_null (pw_team_panel_get_team (fixture->panel));
}

static void
test_model_card (void)
{
  g_autoptr(PwWorkbook) example = pw_test_load_example ();
  g_autoptr(PwWorkbook) empty = pw_workbook_new (pw_workbook_get_framework (example));
  PwOrgMap *map;
  GtkWidget *card = pw_org_model_card_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  PwTeam *hub, *spoke, *second;

  gtk_window_set_default_size (window, 360, 600);
  gtk_window_set_child (window, card);
  gtk_window_present (window);
  pw_test_ui_flush ();
  g_object_add_weak_pointer (G_OBJECT (card), (gpointer *) &card);

  /* The example: one hub, its spokes */
  pw_org_model_card_set_workbook (PW_ORG_MODEL_CARD (card), example);
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_HUB_AND_SPOKE);
  g_assert_nonnull (pw_test_ui_find_label (card, pw_org_model_get_name (PW_ORG_MODEL_HUB_AND_SPOKE)));
  g_assert_nonnull (pw_test_ui_find_label (card,
                                           pw_org_model_get_pros (PW_ORG_MODEL_HUB_AND_SPOKE)));
  g_assert_nonnull (pw_test_ui_find_label (card, "The form of the organization, not a maturity"));
  /* No phase, anywhere */
  g_assert_null (pw_test_ui_find_label (card, "Phase"));

  /* A second hub with spokes of its own */
  map = pw_workbook_get_org_map (example);
  second = pw_workbook_add_team (example, PW_TEAM_HUB, "Europe Hub", 900, 300);
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_HUB_AND_SPOKE);
  pw_org_map_unlink_teams (map, "hub", "sales-eu");
  pw_org_map_link_teams (map, pw_team_get_id (second), "sales-eu");
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE);
  g_assert_nonnull (pw_test_ui_find_label (card,
                                           pw_org_model_get_name (PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE)));
  /* The kind of a team changes the model too */
  pw_team_set_kind (second, PW_TEAM_SPOKE);
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_HUB_AND_SPOKE);

  /* An empty map, then a hub, then a spoke of it */
  pw_org_model_card_set_workbook (PW_ORG_MODEL_CARD (card), empty);
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_NONE);
  g_assert_nonnull (pw_test_ui_find_label (card, pw_org_model_get_name (PW_ORG_MODEL_NONE)));
  g_assert_nonnull (pw_test_ui_find_label (card,
                                           pw_org_model_get_description (PW_ORG_MODEL_NONE)));
  hub = pw_workbook_add_team (empty, PW_TEAM_HUB, "Social Media", 0, 0);
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_CENTRALIZED);
  spoke = pw_workbook_add_team (empty, PW_TEAM_SPOKE, "Sales", 200, 0);
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_DECENTRALIZED);
  pw_org_map_link_teams (pw_workbook_get_org_map (empty), pw_team_get_id (hub),
                         pw_team_get_id (spoke));
  g_assert_cmpint (pw_org_model_card_get_model (PW_ORG_MODEL_CARD (card)), ==,
                   PW_ORG_MODEL_HUB_AND_SPOKE);
  g_assert_nonnull (pw_test_ui_find_label (card,
                                           pw_org_model_get_next_step (PW_ORG_MODEL_HUB_AND_SPOKE)));

  gtk_window_destroy (window);
  pw_test_ui_flush ();
  g_assert_null (card);
}

/* ------------------------------------------------------------------------
 * Pictures to look at
 */

typedef struct
{
  guint frames;
} FrameWait;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FrameWait *wait = user_data;

  wait->frames++;
  return wait->frames < 3 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_drawn (gpointer data)
{
  return ((FrameWait *) data)->frames >= 3;
}

/* Until @widget was laid out and drawn: a tick of the frame clock comes
 * before each frame's layout, so after the third the first two are done */
static void
settle (GtkWidget *widget)
{
  FrameWait wait = { 0 };

  pw_test_ui_flush ();
  gtk_widget_add_tick_callback (widget, tick_cb, &wait, NULL);
  gtk_widget_queue_draw (widget);
  pw_test_ui_wait (frames_drawn, &wait, "the window drawn");
}

static void
render (GtkWidget  *window,
        const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  settle (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("%s", path);
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *card = pw_org_model_card_new ();
  const char *dir = g_getenv ("PW_TEST_RENDER_DIR");
  const char *schemes[] = { "light", "dark" };

  if (dir == NULL)
    dir = g_get_tmp_dir ();

  pw_org_model_card_set_workbook (PW_ORG_MODEL_CARD (card), fixture->workbook);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_start (card, 12);
  gtk_widget_set_margin_end (card, 12);
  gtk_window_set_default_size (window, 360, -1);
  gtk_window_set_child (window, card);
  gtk_window_present (window);

  gtk_window_set_default_size (fixture->window, 340, 1500);
  pw_team_panel_set_team (fixture->panel, find_team (fixture, "talent"));

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *panel_name = g_strdup_printf ("panel%s.png", i == 0 ? "" : "-dark");
      g_autofree char *card_name = g_strdup_printf ("card%s.png", i == 0 ? "" : "-dark");
      g_autofree char *panel_path = g_build_filename (dir, panel_name, NULL);
      g_autofree char *card_path = g_build_filename (dir, card_name, NULL);

      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);
      render (GTK_WIDGET (fixture->window), panel_path);
      render (GTK_WIDGET (window), card_path);
    }

  /* The stale team and a team never assessed, in light */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  pw_team_panel_set_team (fixture->panel, find_team (fixture, "sales-eu"));
  {
    g_autofree char *path = g_build_filename (dir, "panel-stale.png", NULL);

    render (GTK_WIDGET (fixture->window), path);
  }
  pw_team_panel_set_team (fixture->panel, NULL);
  {
    g_autofree char *path = g_build_filename (dir, "panel-empty.png", NULL);

    render (GTK_WIDGET (fixture->window), path);
  }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
  pw_test_ui_flush ();
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-team-panel");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  pw_test_ui_load_style ();

#define ADD(path, func) \
  g_test_add ("/phasewise/team-panel/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("empty", test_empty);
  ADD ("fields", test_fields);
  ADD ("name", test_name);
  ADD ("numbers", test_numbers);
  ADD ("hub", test_hub);
  ADD ("channels", test_channels);
  ADD ("assessments", test_assessments);
  ADD ("actions", test_actions);
  ADD ("removed", test_removed);
  g_test_add_func ("/phasewise/team-panel/model-card", test_model_card);
  ADD ("render", test_render);

#undef ADD

  return g_test_run ();
}
