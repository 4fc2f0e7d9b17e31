/* test-org-canvas.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-org-canvas"

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-map-painter.h"
#include "pw-org-canvas-private.h"
#include "pw-org-canvas.h"
#include "pw-org-layout.h"
#include "pw-test-ui.h"

/*
 * The organization map's canvas in a window of its own under Xvfb: each of
 * its actions makes one edit of the workbook, one undo step; the selection
 * follows the map; zooming stays in its range and fitting shows every team.
 * Pointer gestures are not simulated: the actions and the keyboard
 * shortcuts they are bound to are what the tests drive.
 */

typedef struct
{
  PwWorkbook  *workbook;
  PwOrgMap    *map;
  PwHistory   *history;
  PwRecorder  *recorder;
  gint64       now;
  GtkWindow   *window;
  PwOrgCanvas *canvas;
  guint        n_selection_changed;
  PwTeam      *hub;
  PwTeam      *sales;
  PwTeam      *support;
  PwTeam      *marketing;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static PwTeam *
add_team (PwOrgMap   *map,
          const char *id,
          PwTeamKind  kind,
          const char *name,
          int         x,
          int         y)
{
  g_autoptr(PwTeam) team = pw_team_new (id, kind, name);

  pw_team_set_x (team, x);
  pw_team_set_y (team, y);
  pw_org_map_add_team (map, team);

  return team;
}

static void
selection_changed_cb (PwOrgCanvas *canvas,
                      Fixture     *fixture)
{
  fixture->n_selection_changed++;
}

static gboolean
canvas_allocated (gpointer data)
{
  GtkWidget *canvas = data;

  return gtk_widget_get_mapped (canvas) && gtk_widget_get_width (canvas) == 800
         && gtk_widget_get_height (canvas) == 600;
}

static void
show_canvas (Fixture    *fixture,
             PwWorkbook *workbook)
{
  fixture->canvas = PW_ORG_CANVAS (pw_org_canvas_new ());
  pw_org_canvas_set_workbook (fixture->canvas, workbook);
  g_signal_connect (fixture->canvas, "selection-changed", G_CALLBACK (selection_changed_cb),
                    fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_resizable (fixture->window, FALSE);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->canvas));
  gtk_window_present (fixture->window);
  pw_test_ui_wait (canvas_allocated, fixture->canvas, "the canvas to be allocated 800×600");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  pw_test_ui_flush ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);

  g_assert_no_error (error);
  fixture->workbook = pw_workbook_new (framework);
  fixture->map = pw_workbook_get_org_map (fixture->workbook);
  fixture->hub = add_team (fixture->map, "hub", PW_TEAM_HUB, "Analytics", 0, 0);
  fixture->sales = add_team (fixture->map, "sales", PW_TEAM_SPOKE, "Sales", 400, 0);
  fixture->support = add_team (fixture->map, "support", PW_TEAM_SPOKE, "Support", -400, 200);
  fixture->marketing = add_team (fixture->map, "marketing", PW_TEAM_SPOKE, "Marketing",
                                 0, -500);
  pw_org_map_link_teams (fixture->map, "hub", "sales");

  /* What the workbook holds now is where undo stops */
  fixture->now = 1000 * G_USEC_PER_SEC;
  fixture->history = pw_history_new ();
  pw_history_set_clock (fixture->history, fake_clock, fixture);
  fixture->recorder = pw_recorder_new (fixture->workbook, fixture->history);

  show_canvas (fixture, fixture->workbook);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gpointer canvas = fixture->canvas;

  g_object_add_weak_pointer (G_OBJECT (canvas), &canvas);
  gtk_window_destroy (fixture->window);
  pw_test_ui_flush ();
  g_assert_null (canvas);

  g_assert_finalize_object (fixture->recorder);
  g_assert_finalize_object (fixture->history);
  g_assert_finalize_object (fixture->workbook);
}

static guint
count_teams (Fixture *fixture)
{
  return g_list_model_get_n_items (pw_org_map_get_teams (fixture->map));
}

static void
activate (Fixture    *fixture,
          const char *name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), name, NULL));
  pw_test_ui_flush ();
}

/* The shortcut of the canvas that @keyval with @modifiers triggers, as a
 * key press would */
static void
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->canvas));

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);
      GListModel *shortcuts;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      shortcuts = G_LIST_MODEL (controller);
      for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (fixture->canvas),
                                                           gtk_shortcut_get_arguments (shortcut)));
              pw_test_ui_flush ();
              return;
            }
        }
    }

  g_error ("No shortcut for %s", gtk_accelerator_name (keyval, modifiers));
}

static GtkEditable *
get_rename_entry (Fixture *fixture)
{
  GtkWidget *entry = pw_test_ui_find_widget (GTK_WIDGET (fixture->canvas), GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);

  return GTK_EDITABLE (entry);
}

static gboolean
is_renaming (Fixture *fixture)
{
  GtkWidget *popover = pw_test_ui_find_widget (GTK_WIDGET (fixture->canvas), GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_visible (popover);
}

static void
stop_renaming (Fixture *fixture)
{
  GtkWidget *popover = pw_test_ui_find_widget (GTK_WIDGET (fixture->canvas), GTK_TYPE_POPOVER);

  gtk_popover_popdown (GTK_POPOVER (popover));
  pw_test_ui_flush ();
}

static PwTeam *
get_only_selected (Fixture *fixture)
{
  g_autoptr(GPtrArray) selected = pw_org_canvas_get_selected (fixture->canvas);

  g_assert_cmpuint (selected->len, ==, 1);

  return selected->pdata[0];
}

static void
test_add_teams (Fixture       *fixture,
                gconstpointer  data)
{
  PwTeam *team;
  guint steps;

  activate (fixture, "canvas.add-hub");
  g_assert_cmpuint (count_teams (fixture), ==, 5);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Add Hub");
  team = get_only_selected (fixture);
  g_assert_cmpint (pw_team_get_kind (team), ==, PW_TEAM_HUB);
  g_assert_cmpstr (pw_team_get_name (team), ==, "New Hub");
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);

  /* Placed where it overlaps nothing */
  {
    PwTeam *a, *b;

    g_assert_false (pw_org_layout_find_overlap (fixture->map, &a, &b));
  }

  /* Renaming starts at once; Enter commits */
  g_assert_true (is_renaming (fixture));
  g_assert_cmpstr (gtk_editable_get_text (get_rename_entry (fixture)), ==, "New Hub");
  gtk_editable_set_text (get_rename_entry (fixture), "  Research  ");
  g_signal_emit_by_name (get_rename_entry (fixture), "activate");
  pw_test_ui_flush ();
  g_assert_false (is_renaming (fixture));
  g_assert_cmpstr (pw_team_get_name (team), ==, "Research");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Team name");

  /* A name that is taken gets a number; cancelling changes nothing */
  activate (fixture, "canvas.add-spoke");
  g_assert_cmpstr (pw_team_get_name (get_only_selected (fixture)), ==, "New Spoke");
  stop_renaming (fixture);
  activate (fixture, "canvas.add-spoke");
  team = get_only_selected (fixture);
  g_assert_cmpint (pw_team_get_kind (team), ==, PW_TEAM_SPOKE);
  g_assert_cmpstr (pw_team_get_name (team), ==, "New Spoke 2");
  g_assert_cmpuint (count_teams (fixture), ==, 7);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Add Spoke");
  steps = pw_history_get_n_undo (fixture->history);
  gtk_editable_set_text (get_rename_entry (fixture), "   ");
  g_signal_emit_by_name (get_rename_entry (fixture), "activate");
  pw_test_ui_flush ();
  g_assert_cmpstr (pw_team_get_name (team), ==, "New Spoke 2");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, steps);

  {
    PwTeam *a, *b;

    g_assert_false (pw_org_layout_find_overlap (fixture->map, &a, &b));
  }

  /* F2 renames the one selected team */
  press_key (fixture, GDK_KEY_F2, 0);
  g_assert_true (is_renaming (fixture));
  g_assert_cmpstr (gtk_editable_get_text (get_rename_entry (fixture)), ==, "New Spoke 2");
  stop_renaming (fixture);

  /* One undo takes an added team back */
  g_assert_true (pw_history_undo (fixture->history));
  pw_test_ui_flush ();
  g_assert_cmpuint (count_teams (fixture), ==, 6);
  g_assert_cmpuint (pw_org_canvas_get_selected (fixture->canvas)->len, ==, 0);
}

static void
test_select_all (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) selected = NULL;

  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.delete"));
  press_key (fixture, GDK_KEY_a, GDK_CONTROL_MASK);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 4);
  /* In the map's order */
  g_assert_true (selected->pdata[0] == fixture->hub);
  g_assert_true (selected->pdata[1] == fixture->sales);
  g_assert_true (selected->pdata[2] == fixture->support);
  g_assert_true (selected->pdata[3] == fixture->marketing);

  /* Everything selected already: nothing to do */
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.select-all"));
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);

  /* Escape clears it */
  press_key (fixture, GDK_KEY_Escape, 0);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 2);
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 0);
}

static void
test_select_teams (Fixture       *fixture,
                   gconstpointer  data)
{
  PwTeam *teams[] = { fixture->marketing, fixture->hub };
  g_autoptr(GPtrArray) selected = NULL;
  double x, y, vx, vy, vw, vh;

  /* Far away: selecting brings it into view */
  pw_org_canvas_set_zoom (fixture->canvas, 1.0);
  _pw_org_canvas_set_center (fixture->canvas, 5000, 5000);
  pw_org_canvas_select_teams (fixture->canvas, teams, G_N_ELEMENTS (teams));
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (selected->pdata[0] == fixture->hub);
  g_assert_true (selected->pdata[1] == fixture->marketing);
  pw_org_canvas_get_center (fixture->canvas, &x, &y);
  _pw_org_canvas_get_visible (fixture->canvas, &vx, &vy, &vw, &vh);
  g_assert_cmpfloat (vx, <=, pw_team_get_x (fixture->marketing) - PW_TEAM_SPOKE_WIDTH / 2);
  g_assert_cmpfloat (vx + vw, >=, pw_team_get_x (fixture->marketing) + PW_TEAM_SPOKE_WIDTH / 2);
  g_assert_cmpfloat (vy, <=, pw_team_get_y (fixture->marketing) - PW_TEAM_SPOKE_HEIGHT / 2);
  g_assert_cmpfloat (vy + vh, >=, pw_team_get_y (fixture->marketing) + PW_TEAM_SPOKE_HEIGHT / 2);

  /* The same again: no signal */
  pw_org_canvas_select_teams (fixture->canvas, teams, G_N_ELEMENTS (teams));
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);

  /* Two teams not linked: they can be connected, not disconnected */
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.rename"));
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.disconnect"));

  pw_org_canvas_select_teams (fixture->canvas, NULL, 0);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 2);
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 0);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  PwTeam *teams[] = { fixture->hub, fixture->support };
  g_autoptr(GPtrArray) selected = NULL;

  pw_org_canvas_select_teams (fixture->canvas, teams, G_N_ELEMENTS (teams));
  fixture->n_selection_changed = 0;
  press_key (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (count_teams (fixture), ==, 2);
  g_assert_null (pw_org_map_find_team (fixture->map, "hub"));
  g_assert_null (pw_org_map_find_team (fixture->map, "support"));
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Delete 2 Teams");
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 0);
  g_assert_cmpuint (fixture->n_selection_changed, >=, 1);
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.delete"));

  g_assert_true (pw_history_undo (fixture->history));
  pw_test_ui_flush ();
  g_assert_cmpuint (count_teams (fixture), ==, 4);
  g_assert_true (pw_org_map_has_link (fixture->map, "hub", "sales"));
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  PwTeam *teams[] = { fixture->sales, fixture->support };

  pw_org_canvas_select_teams (fixture->canvas, teams, 1);
  press_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpint (pw_team_get_x (fixture->sales), ==, 420);
  g_assert_cmpint (pw_team_get_y (fixture->sales), ==, 0);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Move Team");

  fixture->now += 10 * G_USEC_PER_SEC;
  press_key (fixture, GDK_KEY_Up, 0);
  g_assert_cmpint (pw_team_get_y (fixture->sales), ==, -20);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);

  /* Shift moves further; both selected teams, in one step */
  fixture->now += 10 * G_USEC_PER_SEC;
  pw_org_canvas_select_teams (fixture->canvas, teams, 2);
  press_key (fixture, GDK_KEY_Left, GDK_SHIFT_MASK);
  g_assert_cmpint (pw_team_get_x (fixture->sales), ==, 320);
  g_assert_cmpint (pw_team_get_x (fixture->support), ==, -500);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Move Teams");
  fixture->now += 10 * G_USEC_PER_SEC;
  press_key (fixture, GDK_KEY_Down, GDK_SHIFT_MASK);
  g_assert_cmpint (pw_team_get_y (fixture->support), ==, 300);

  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_team_get_y (fixture->support), ==, 200);
  g_assert_true (pw_history_undo (fixture->history));
  g_assert_cmpint (pw_team_get_x (fixture->sales), ==, 420);
  g_assert_cmpint (pw_team_get_x (fixture->support), ==, -400);
}

static void
test_connect (Fixture       *fixture,
              gconstpointer  data)
{
  PwTeam *pair[] = { fixture->hub, fixture->support };
  PwTeam *spokes[] = { fixture->sales, fixture->support };
  PwTeam *three[] = { fixture->hub, fixture->sales, fixture->support };

  pw_org_canvas_select_teams (fixture->canvas, pair, 2);
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.disconnect"));
  activate (fixture, "canvas.connect");
  g_assert_true (pw_org_map_has_link (fixture->map, "hub", "support"));
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Connect Teams");
  /* Linked already */
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.connect"));

  /* Two spokes may be linked too */
  pw_org_canvas_select_teams (fixture->canvas, spokes, 2);
  activate (fixture, "canvas.connect");
  g_assert_true (pw_org_map_has_link (fixture->map, "sales", "support"));

  /* Only two teams at a time */
  pw_org_canvas_select_teams (fixture->canvas, three, 3);
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.connect"));

  pw_org_canvas_select_teams (fixture->canvas, pair, 2);
  activate (fixture, "canvas.disconnect");
  g_assert_false (pw_org_map_has_link (fixture->map, "hub", "support"));
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Disconnect Teams");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  double zoom;
  guint steps = 0;

  press_key (fixture, GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), ==, 1.0);
  /* 1:1 already */
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.zoom-reset"));

  press_key (fixture, GDK_KEY_plus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), >, 1.0);

  while (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.zoom-in"))
    {
      activate (fixture, "canvas.zoom-in");
      g_assert_cmpuint (++steps, <, 100);
    }
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), ==, PW_ORG_CANVAS_MAX_ZOOM);

  zoom = pw_org_canvas_get_zoom (fixture->canvas);
  press_key (fixture, GDK_KEY_minus, GDK_CONTROL_MASK);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), <, zoom);
  steps = 0;
  while (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.zoom-out"))
    {
      activate (fixture, "canvas.zoom-out");
      g_assert_cmpuint (++steps, <, 100);
    }
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), ==, PW_ORG_CANVAS_MIN_ZOOM);

  /* The property, clamped */
  g_object_set (fixture->canvas, "zoom", 2.0, NULL);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), ==, 2.0);
  pw_org_canvas_set_zoom (fixture->canvas, 100);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), ==, PW_ORG_CANVAS_MAX_ZOOM);
  pw_org_canvas_set_zoom (fixture->canvas, 0);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), ==, PW_ORG_CANVAS_MIN_ZOOM);

  /* Zooming keeps the middle of the view */
  {
    double x0, y0, x1, y1;

    _pw_org_canvas_set_center (fixture->canvas, 123, -45);
    pw_org_canvas_get_center (fixture->canvas, &x0, &y0);
    activate (fixture, "canvas.zoom-in");
    pw_org_canvas_get_center (fixture->canvas, &x1, &y1);
    g_assert_cmpfloat_with_epsilon (x0, x1, 1e-6);
    g_assert_cmpfloat_with_epsilon (y0, y1, 1e-6);
  }

  /* Zooming does not edit the workbook */
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
}

static void
assert_all_in_view (Fixture *fixture)
{
  GListModel *teams = pw_org_map_get_teams (fixture->map);
  double vx, vy, vw, vh;

  _pw_org_canvas_get_visible (fixture->canvas, &vx, &vy, &vw, &vh);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      int width, height;

      pw_team_get_size (team, &width, &height);
      g_assert_cmpfloat (pw_team_get_x (team) - width / 2.0, >=, vx);
      g_assert_cmpfloat (pw_team_get_x (team) + width / 2.0, <=, vx + vw);
      g_assert_cmpfloat (pw_team_get_y (team) - height / 2.0, >=, vy);
      g_assert_cmpfloat (pw_team_get_y (team) + height / 2.0, <=, vy + vh);
    }
}

static void
test_fit (Fixture       *fixture,
          gconstpointer  data)
{
  /* Fitted when first shown */
  assert_all_in_view (fixture);

  pw_org_canvas_set_zoom (fixture->canvas, PW_ORG_CANVAS_MAX_ZOOM);
  _pw_org_canvas_set_center (fixture->canvas, -9000, 9000);
  press_key (fixture, GDK_KEY_9, GDK_CONTROL_MASK);
  assert_all_in_view (fixture);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), <=, 1.0);

  /* A team far away: still all in view */
  pw_team_set_x (fixture->marketing, 10000);
  activate (fixture, "canvas.zoom-fit");
  assert_all_in_view (fixture);
  g_assert_cmpfloat (pw_org_canvas_get_zoom (fixture->canvas), >=, PW_ORG_CANVAS_MIN_ZOOM);
}

static gboolean
zoomed_out (gpointer data)
{
  return pw_org_canvas_get_zoom (data) <= 1.0;
}

static void
test_fit_when_set (Fixture       *fixture,
                   gconstpointer  data)
{
  /* A workbook given to a canvas on screen is fitted too */
  pw_org_canvas_set_workbook (fixture->canvas, NULL);
  pw_org_canvas_set_zoom (fixture->canvas, PW_ORG_CANVAS_MAX_ZOOM);
  _pw_org_canvas_set_center (fixture->canvas, 9000, 9000);
  pw_org_canvas_set_workbook (fixture->canvas, fixture->workbook);
  g_assert_true (pw_org_canvas_get_workbook (fixture->canvas) == fixture->workbook);
  pw_test_ui_wait (zoomed_out, fixture->canvas, "the map to be fitted to the view");
  assert_all_in_view (fixture);
}

static void
test_layout (Fixture       *fixture,
             gconstpointer  data)
{
  PwTeam *a, *b;

  /* Two teams on top of each other */
  pw_team_set_x (fixture->support, 400);
  pw_team_set_y (fixture->support, 10);
  fixture->now += 10 * G_USEC_PER_SEC;
  g_assert_true (pw_org_layout_find_overlap (fixture->map, &a, &b));
  activate (fixture, "canvas.tidy");
  g_assert_false (pw_org_layout_find_overlap (fixture->map, &a, &b));
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Tidy");
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 3);

  fixture->now += 10 * G_USEC_PER_SEC;
  activate (fixture, "canvas.layout");
  g_assert_false (pw_org_layout_find_overlap (fixture->map, &a, &b));
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 4);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Automatic layout");
  assert_all_in_view (fixture);
}

static void
test_selection_follows_map (Fixture       *fixture,
                            gconstpointer  data)
{
  PwTeam *teams[] = { fixture->sales, fixture->support };
  g_autoptr(GPtrArray) selected = NULL;

  pw_org_canvas_select_teams (fixture->canvas, teams, 2);
  fixture->n_selection_changed = 0;
  pw_org_map_remove_team (fixture->map, fixture->sales);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (selected->pdata[0] == fixture->support);

  /* Back by undo: not selected again */
  g_assert_true (pw_history_undo (fixture->history));
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 1);

  /* Another workbook: nothing selected */
  fixture->n_selection_changed = 0;
  pw_org_canvas_set_workbook (fixture->canvas, NULL);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);
  g_assert_null (pw_org_canvas_get_workbook (fixture->canvas));
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = pw_org_canvas_get_selected (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 0);
  g_assert_false (_pw_org_canvas_get_action_enabled (fixture->canvas, "canvas.add-hub"));
  pw_test_ui_flush ();
}

static void
test_conversion (Fixture       *fixture,
                 gconstpointer  data)
{
  double x, y, sx, sy, mx, my;

  pw_org_canvas_set_zoom (fixture->canvas, 0.5);
  _pw_org_canvas_set_center (fixture->canvas, 100, 200);

  /* The middle of the widget is the centre */
  _pw_org_canvas_screen_to_map (fixture->canvas, 400, 300, &mx, &my);
  g_assert_cmpfloat_with_epsilon (mx, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (my, 200, 1e-9);
  pw_org_canvas_get_center (fixture->canvas, &x, &y);
  g_assert_cmpfloat (x, ==, 100);
  g_assert_cmpfloat (y, ==, 200);

  /* One pixel is two map units */
  _pw_org_canvas_screen_to_map (fixture->canvas, 0, 0, &mx, &my);
  g_assert_cmpfloat_with_epsilon (mx, 100 - 800, 1e-9);
  g_assert_cmpfloat_with_epsilon (my, 200 - 600, 1e-9);

  /* And back */
  _pw_org_canvas_map_to_screen (fixture->canvas, 317, -20, &sx, &sy);
  _pw_org_canvas_screen_to_map (fixture->canvas, sx, sy, &mx, &my);
  g_assert_cmpfloat_with_epsilon (mx, 317, 1e-9);
  g_assert_cmpfloat_with_epsilon (my, -20, 1e-9);
}

/* What the canvas draws now, as on screen without the style's background,
 * border and outline */
static cairo_surface_t *
render (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
get_pixel (cairo_surface_t *surface,
           double           x,
           double           y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + (int) y * stride + 4 * (int) x) & 0xffffff;
}

static void
test_render_example (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  cairo_surface_t *surface;
  GListModel *teams;
  guint32 background;
  guint n_drawn = 0;
  const char *path = g_getenv ("PW_TEST_CANVAS_PNG");
  gpointer canvas;

  fixture.map = pw_workbook_get_org_map (workbook);
  show_canvas (&fixture, workbook);
  assert_all_in_view (&fixture);

  surface = render (&fixture);
  if (path != NULL)
    g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  /* The teams are drawn where the canvas says they are */
  background = get_pixel (surface, 790, 10);
  teams = pw_org_map_get_teams (fixture.map);
  g_assert_cmpuint (g_list_model_get_n_items (teams), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      double sx, sy;

      _pw_org_canvas_map_to_screen (fixture.canvas, pw_team_get_x (team), pw_team_get_y (team),
                                    &sx, &sy);
      g_assert_cmpfloat (sx, >=, 0);
      g_assert_cmpfloat (sy, >=, 0);
      g_assert_cmpfloat (sx, <, 800);
      g_assert_cmpfloat (sy, <, 600);
      /* Away from the text: a little left of the middle, above the name */
      if (get_pixel (surface, sx, sy) != background)
        n_drawn++;
    }
  g_assert_cmpuint (n_drawn, >, 0);
  cairo_surface_destroy (surface);

  canvas = fixture.canvas;
  g_object_add_weak_pointer (G_OBJECT (canvas), &canvas);
  gtk_window_destroy (fixture.window);
  pw_test_ui_flush ();
  g_assert_null (canvas);
}

/* Two thousand teams: drawn from any zoom, selected, moved and fitted */
static void
test_large_map (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PwFramework) framework = pw_framework_load_bundled (&error);
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  gpointer canvas;
  gint64 start;

  g_assert_no_error (error);
  workbook = pw_workbook_new (framework);
  fixture.map = pw_workbook_get_org_map (workbook);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);
      g_autofree char *name = g_strdup_printf ("Team %u", i);

      add_team (fixture.map, id, i % 10 == 0 ? PW_TEAM_HUB : PW_TEAM_SPOKE, name,
                (int) (i % 50) * 240, (int) (i / 50) * 200);
      if (i % 10 != 0)
        {
          g_autofree char *hub = g_strdup_printf ("t%u", i - i % 10);

          pw_org_map_link_teams (fixture.map, hub, id);
        }
    }
  show_canvas (&fixture, workbook);
  assert_all_in_view (&fixture);

  start = g_get_monotonic_time ();
  for (double zoom = PW_ORG_CANVAS_MIN_ZOOM; zoom <= PW_ORG_CANVAS_MAX_ZOOM; zoom *= 2)
    {
      cairo_surface_t *surface;

      pw_org_canvas_set_zoom (fixture.canvas, zoom);
      surface = render (&fixture);
      cairo_surface_destroy (surface);
    }
  g_test_message ("7 frames of 2000 teams in %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0);

  press_key (&fixture, GDK_KEY_a, GDK_CONTROL_MASK);
  selected = pw_org_canvas_get_selected (fixture.canvas);
  g_assert_cmpuint (selected->len, ==, 2000);
  press_key (&fixture, GDK_KEY_Right, 0);
  g_assert_cmpint (pw_team_get_x (selected->pdata[1999]), ==, 49 * 240 + 20);
  activate (&fixture, "canvas.zoom-fit");
  assert_all_in_view (&fixture);

  canvas = fixture.canvas;
  g_object_add_weak_pointer (G_OBJECT (canvas), &canvas);
  gtk_window_destroy (fixture.window);
  pw_test_ui_flush ();
  g_assert_null (canvas);
}

/* Where the fixture's teams are on screen: zoom 0.5 around 0, 0 puts hub
 * at 400, 300, sales at 600, 300, support at 200, 400 and marketing at
 * 400, 50 */
static void
set_half_view (Fixture *fixture)
{
  pw_org_canvas_set_zoom (fixture->canvas, 0.5);
  _pw_org_canvas_set_center (fixture->canvas, 0, 0);
}

static void
drag (Fixture         *fixture,
      double           x,
      double           y,
      double           dx,
      double           dy,
      GdkModifierType  modifiers)
{
  g_assert_true (_pw_org_canvas_drag_begin (fixture->canvas, x, y, modifiers));
  if (dx != 0 || dy != 0)
    {
      _pw_org_canvas_drag_update (fixture->canvas, dx / 2, dy / 2);
      _pw_org_canvas_drag_update (fixture->canvas, dx, dy);
    }
  _pw_org_canvas_drag_end (fixture->canvas, dx, dy);
  pw_test_ui_flush ();
}

static void
assert_selected (Fixture *fixture,
                 ...)
{
  g_autoptr(GPtrArray) selected = pw_org_canvas_get_selected (fixture->canvas);
  va_list args;
  guint n = 0;
  PwTeam *team;

  va_start (args, fixture);
  while ((team = va_arg (args, PwTeam *)) != NULL)
    {
      g_assert_cmpuint (n, <, selected->len);
      g_assert_true (selected->pdata[n] == team);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (selected->len, ==, n);
}

static void
test_pointer_select (Fixture       *fixture,
                     gconstpointer  data)
{
  set_half_view (fixture);

  /* A click selects a team, Ctrl-click adds and removes one */
  drag (fixture, 400, 300, 0, 0, 0);
  assert_selected (fixture, fixture->hub, NULL);
  drag (fixture, 600, 300, 0, 0, GDK_CONTROL_MASK);
  assert_selected (fixture, fixture->hub, fixture->sales, NULL);
  drag (fixture, 400, 300, 0, 0, GDK_SHIFT_MASK);
  assert_selected (fixture, fixture->sales, NULL);
  /* A click on a selected team selects it alone */
  drag (fixture, 600, 300, 0, 0, GDK_CONTROL_MASK);
  drag (fixture, 400, 300, 0, 0, GDK_CONTROL_MASK);
  assert_selected (fixture, fixture->hub, NULL);

  /* A click on nothing clears */
  fixture->n_selection_changed = 0;
  drag (fixture, 100, 550, 0, 0, 0);
  assert_selected (fixture, NULL);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 1);

  /* A rectangle over empty space selects what it touches */
  drag (fixture, 300, 250, 400, 100, 0);
  assert_selected (fixture, fixture->hub, fixture->sales, NULL);
  /* With Ctrl it adds */
  drag (fixture, 150, 380, 100, 40, GDK_CONTROL_MASK);
  assert_selected (fixture, fixture->hub, fixture->sales, fixture->support, NULL);
  /* Without, it replaces */
  drag (fixture, 350, 20, 100, 60, 0);
  assert_selected (fixture, fixture->marketing, NULL);

  /* None of it edits the workbook */
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
}

static void
test_pointer_move (Fixture       *fixture,
                   gconstpointer  data)
{
  PwTeam *both[] = { fixture->hub, fixture->marketing };

  set_half_view (fixture);

  /* Dragging an unselected team selects it and moves it alone, in one step
   * when it lets go */
  pw_org_canvas_select_teams (fixture->canvas, both, 2);
  g_assert_true (_pw_org_canvas_drag_begin (fixture->canvas, 600, 300, 0));
  _pw_org_canvas_drag_update (fixture->canvas, 25, 15);
  _pw_org_canvas_drag_update (fixture->canvas, 50, 30);
  assert_selected (fixture, fixture->sales, NULL);
  g_assert_cmpint (pw_team_get_x (fixture->sales), ==, 400);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 0);
  _pw_org_canvas_drag_end (fixture->canvas, 50, 30);
  g_assert_cmpint (pw_team_get_x (fixture->sales), ==, 500);
  g_assert_cmpint (pw_team_get_y (fixture->sales), ==, 60);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Move Team");

  /* Dragging one of the selected teams moves them all */
  fixture->now += 10 * G_USEC_PER_SEC;
  pw_org_canvas_select_teams (fixture->canvas, both, 2);
  drag (fixture, 400, 50, -20, 10, 0);
  assert_selected (fixture, fixture->hub, fixture->marketing, NULL);
  g_assert_cmpint (pw_team_get_x (fixture->hub), ==, -40);
  g_assert_cmpint (pw_team_get_y (fixture->hub), ==, 20);
  g_assert_cmpint (pw_team_get_x (fixture->marketing), ==, -40);
  g_assert_cmpint (pw_team_get_y (fixture->marketing), ==, -480);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 2);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Move Teams");
}

static void
test_pointer_connect (Fixture       *fixture,
                      gconstpointer  data)
{
  set_half_view (fixture);

  /* Shift-drag from support onto marketing: linked, nothing moved */
  drag (fixture, 200, 400, 200, -350, GDK_SHIFT_MASK);
  g_assert_true (pw_org_map_has_link (fixture->map, "support", "marketing"));
  g_assert_cmpint (pw_team_get_x (fixture->support), ==, -400);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpstr (pw_history_get_undo_label (fixture->history), ==, "Connect Teams");

  /* Alt does the same; linked already: nothing */
  drag (fixture, 400, 300, 200, 0, GDK_ALT_MASK);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);

  /* Let go over nothing: nothing */
  drag (fixture, 400, 300, -300, 250, GDK_SHIFT_MASK);
  g_assert_cmpuint (pw_history_get_n_undo (fixture->history), ==, 1);
  g_assert_cmpint (pw_team_get_x (fixture->hub), ==, 0);
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  g_assert_true (pw_org_canvas_get_show_legend (fixture->canvas));
  activate (fixture, "canvas.show-legend");
  g_assert_false (pw_org_canvas_get_show_legend (fixture->canvas));
  activate (fixture, "canvas.show-legend");
  g_assert_true (pw_org_canvas_get_show_legend (fixture->canvas));
}

static void
assert_description (Fixture    *fixture,
                    const char *expected)
{
  g_autofree char *error = NULL;

  pw_test_ui_flush ();
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->canvas),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  if (error != NULL)
    g_error ("%s", error);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  PwTeam *teams[] = { fixture->sales, fixture->hub };
  g_autofree char *error = NULL;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->canvas)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->canvas)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->canvas),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, "Organization map");
  g_assert_null (error);

  /* What is selected, in the map's order, and names as they change */
  assert_description (fixture, "4 teams, none selected");
  pw_org_canvas_select_teams (fixture->canvas, teams, 2);
  assert_description (fixture, "2 teams selected: Analytics, Sales");
  pw_team_set_name (fixture->sales, "Sales EMEA");
  assert_description (fixture, "2 teams selected: Analytics, Sales EMEA");
  pw_org_canvas_select_teams (fixture->canvas, teams, 1);
  assert_description (fixture, "1 team selected: Sales EMEA");
}

/* Every question of @assessment answered at @phase */
static void
answer_all (PwWorkbook   *workbook,
            PwAssessment *assessment,
            int           phase)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);

  for (guint d = 0; d < pw_framework_get_n_dimensions (framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          pw_answer_choose (pw_assessment_ensure_answer (assessment, question->id), phase);
        }
    }
}

/* The colour a little inside the bottom right corner of the sales team */
static guint32
get_sales_fill (Fixture *fixture)
{
  cairo_surface_t *surface = render (fixture);
  double x, y;
  guint32 pixel;

  _pw_org_canvas_map_to_screen (fixture->canvas,
                                pw_team_get_x (fixture->sales) + PW_TEAM_SPOKE_WIDTH / 2 - 20,
                                pw_team_get_y (fixture->sales) + PW_TEAM_SPOKE_HEIGHT / 2 - 8,
                                &x, &y);
  pixel = get_pixel (surface, x, y);
  cairo_surface_destroy (surface);

  return pixel;
}

static int
get_phase (Fixture      *fixture,
           PwAssessment *assessment)
{
  g_autoptr(PwScore) score = pw_score_compute (pw_workbook_get_framework (fixture->workbook),
                                               assessment,
                                               pw_workbook_get_policy (fixture->workbook));

  g_assert_true (score->has_score);

  return score->phase;
}

/* The fill of the phase the assessment scores, as 0xRRGGBB */
static guint32
get_phase_fill (Fixture      *fixture,
                PwAssessment *assessment)
{
  PwMapColor fill;

  pw_map_phase_color (get_phase (fixture, assessment), &fill, NULL);

  return ((guint32) round (fill.red * 255) << 16)
         | ((guint32) round (fill.green * 255) << 8)
         | (guint32) round (fill.blue * 255);
}

static void
test_phase_colors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  PwMapColors colors;
  PwAssessment *assessment;
  guint32 background;

  pw_map_colors_init_default (&colors, FALSE);
  background = ((guint32) round (colors.background.red * 255) << 16)
               | ((guint32) round (colors.background.green * 255) << 8)
               | (guint32) round (colors.background.blue * 255);
  pw_org_canvas_set_zoom (fixture->canvas, 1.0);
  _pw_org_canvas_set_center (fixture->canvas, 400, 0);

  /* Not assessed: not filled */
  g_assert_cmphex (get_sales_fill (fixture), ==, background);

  /* Assessed: the colour of its phase, following the answers */
  assessment = pw_workbook_start_assessment (fixture->workbook, "sales");
  pw_assessment_set_date (assessment, today);
  answer_all (fixture->workbook, assessment, 5);
  g_assert_cmphex (get_sales_fill (fixture), ==, get_phase_fill (fixture, assessment));
  g_assert_cmphex (get_sales_fill (fixture), !=, background);
  answer_all (fixture->workbook, assessment, 1);
  g_assert_cmpint (get_phase (fixture, assessment), ==, 1);
  g_assert_cmphex (get_sales_fill (fixture), ==, get_phase_fill (fixture, assessment));

  /* Its assessment gone: not filled again */
  pw_workbook_remove_assessment (fixture->workbook, assessment);
  g_assert_cmphex (get_sales_fill (fixture), ==, background);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-org-canvas");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  pw_test_ui_load_style ();

#define ADD(path, func) \
  g_test_add ("/phasewise/org-canvas/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("add-teams", test_add_teams);
  ADD ("select-all", test_select_all);
  ADD ("select-teams", test_select_teams);
  ADD ("delete", test_delete);
  ADD ("move", test_move);
  ADD ("connect", test_connect);
  ADD ("zoom", test_zoom);
  ADD ("fit", test_fit);
  ADD ("fit-when-set", test_fit_when_set);
  ADD ("layout", test_layout);
  ADD ("selection-follows-map", test_selection_follows_map);
  ADD ("conversion", test_conversion);
  ADD ("accessible", test_accessible);
  ADD ("phase-colors", test_phase_colors);
  ADD ("legend", test_legend);
  ADD ("pointer-select", test_pointer_select);
  ADD ("pointer-move", test_pointer_move);
  ADD ("pointer-connect", test_pointer_connect);
  g_test_add_func ("/phasewise/org-canvas/render-example", test_render_example);
  g_test_add_func ("/phasewise/org-canvas/large-map", test_large_map);

#undef ADD

  return g_test_run ();
}
