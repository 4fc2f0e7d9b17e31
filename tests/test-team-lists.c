/* test-team-lists.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-team-lists"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-phase-cell.h"
#include "pw-team-list.h"
#include "pw-teams-overview.h"
#include "pw-test-ui.h"
#include "pw-utils-private.h"

/*
 * The tables of the organization page in a window of their own under Xvfb:
 * the team list and the teams overview show the example's teams as the
 * model has them, follow it as it changes, sort as people expect (teams
 * without a phase last) and say every phase in words as well as colour.
 *
 * With PW_TEST_PNG_DIR set, the tables are also saved there as pictures in
 * the light and the dark style, to look at.
 */

/* Showing */

static guint frames;

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_drawn (gpointer data)
{
  return frames >= GPOINTER_TO_UINT (data);
}

/* Waits until @widget has drawn a few more frames: after a change, the view
 * has laid out its rows again */
static void
wait_frames (GtkWidget *widget)
{
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, NULL, NULL);

  frames = 0;
  gtk_widget_queue_draw (widget);
  pw_test_ui_wait (frames_drawn, GUINT_TO_POINTER (3), "frames to be drawn");
  gtk_widget_remove_tick_callback (widget, id);
  pw_test_ui_flush ();
}

static gboolean
is_shown (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static GtkWindow *
show (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 560);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  pw_test_ui_wait (is_shown, widget, "the widget to be shown");
  wait_frames (widget);

  return window;
}

static void
destroy (GtkWindow *window,
         gpointer   widget)
{
  g_object_add_weak_pointer (G_OBJECT (widget), &widget);
  gtk_window_destroy (window);
  pw_test_ui_flush ();
  g_assert_null (widget);
}

/* What is on screen: the widgets that @match accepts, top to bottom */

typedef gboolean (*Match) (GtkWidget *widget);

typedef struct
{
  GtkWidget *widget;
  double     y;
  double     x;
} Placed;

static int
compare_placed_x (gconstpointer a,
                  gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  return pa->x < pb->x ? -1 : pa->x > pb->x ? 1 : 0;
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  return pa->y < pb->y ? -1 : pa->y > pb->y ? 1 : 0;
}

static void
collect (GtkWidget *root,
         GtkWidget *relative_to,
         Match      match,
         GArray    *found)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (match (root))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (root, relative_to, &bounds))
        {
          Placed placed = { root, bounds.origin.y + bounds.size.height / 2, bounds.origin.x };

          g_array_append_val (found, placed);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, relative_to, match, found);
}

static GArray *
collect_sorted (GtkWidget *root,
                Match      match)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Placed));

  collect (root, root, match, found);
  g_array_sort (found, compare_placed);

  return found;
}

static gboolean
is_team_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "pw-team-name");
}

static gboolean
is_phase_cell (GtkWidget *widget)
{
  return PW_IS_PHASE_CELL (widget);
}

/* The names in the first column, top to bottom, joined by "|" */
static char *
dup_shown_names (GtkWidget *root,
                 Match      match)
{
  g_autoptr(GArray) found = collect_sorted (root, match);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_array_index (found, Placed, i).widget;
      const char *text = GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget))
                                                  : gtk_label_get_label (GTK_LABEL (widget));

      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, text);
    }

  return g_string_free (names, FALSE);
}

/* The widgets that @cell_match accepts in the row whose first column reads
 * @name, left to right */
static GPtrArray *
find_row_widgets (GtkWidget  *root,
                  Match       match,
                  const char *name,
                  Match       cell_match)
{
  g_autoptr(GArray) names = collect_sorted (root, match);
  g_autoptr(GArray) cells = collect_sorted (root, cell_match);
  GPtrArray *row = g_ptr_array_new ();
  double y = -1;

  for (guint i = 0; i < names->len; i++)
    {
      GtkWidget *widget = g_array_index (names, Placed, i).widget;
      const char *text = GTK_IS_EDITABLE (widget) ? gtk_editable_get_text (GTK_EDITABLE (widget))
                                                  : gtk_label_get_label (GTK_LABEL (widget));

      if (g_strcmp0 (text, name) == 0)
        y = g_array_index (names, Placed, i).y;
    }
  g_assert_cmpfloat (y, >=, 0);

  g_array_sort (cells, compare_placed_x);
  for (guint i = 0; i < cells->len; i++)
    if (ABS (g_array_index (cells, Placed, i).y - y) < 4)
      g_ptr_array_add (row, g_array_index (cells, Placed, i).widget);

  return row;
}

/* The phase cells in the row whose first column reads @name */
static GPtrArray *
find_row_cells (GtkWidget  *root,
                Match       match,
                const char *name)
{
  return find_row_widgets (root, match, name, is_phase_cell);
}

static gboolean
is_plain_label (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && !gtk_widget_has_css_class (widget, "pw-team-name")
         && gtk_widget_get_ancestor (widget, PW_TYPE_PHASE_CELL) == NULL;
}

/* The text of the other columns of the row whose first column reads @name,
 * joined by "|" */
static char *
dup_row_text (GtkWidget  *root,
              const char *name)
{
  g_autoptr(GPtrArray) labels = find_row_widgets (root, is_team_label, name, is_plain_label);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, gtk_label_get_label (labels->pdata[i]));
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *name;
  GtkWidget  *root;
  const char *expected;
} RowText;

static gboolean
row_text_shown (gpointer data)
{
  RowText *row = data;
  g_autofree char *text = dup_row_text (row->root, row->name);

  return g_strcmp0 (text, row->expected) == 0;
}

static void
wait_row_text (GtkWidget  *root,
               const char *name,
               const char *expected)
{
  RowText row = { name, root, expected };
  g_autofree char *what = g_strdup_printf ("the row of %s to read %s", name, expected);

  pw_test_ui_wait (row_text_shown, &row, what);
}

typedef struct
{
  GtkWidget  *root;
  Match       match;
  const char *expected;
} ShownNames;

static gboolean
names_shown (gpointer data)
{
  ShownNames *shown = data;
  g_autofree char *names = dup_shown_names (shown->root, shown->match);

  return g_strcmp0 (names, shown->expected) == 0;
}

static void
wait_names (GtkWidget  *root,
            Match       match,
            const char *expected)
{
  ShownNames shown = { root, match, expected };
  g_autofree char *what = g_strdup_printf ("the rows to read %s", expected);

  pw_test_ui_wait (names_shown, &shown, what);
}

typedef struct
{
  GtkWidget  *root;
  const char *name;
  int         phase;
} PhaseShown;

/* Whether the first phase cell of the row of @name shows @phase */
static gboolean
phase_shown (gpointer data)
{
  PhaseShown *shown = data;
  g_autoptr(GPtrArray) cells = find_row_cells (shown->root, is_team_label, shown->name);

  return cells->len > 0 && pw_phase_cell_get_phase (cells->pdata[0]) == shown->phase;
}

/* The model */

static int
latest_phase (PwWorkbook *workbook,
              const char *team_id,
              int         dimension)
{
  PwAssessment *latest = pw_workbook_find_latest_assessment (workbook, team_id);
  g_autoptr(PwScore) score = NULL;

  if (latest == NULL)
    return 0;

  score = pw_score_compute (pw_workbook_get_framework (workbook), latest,
                            pw_workbook_get_policy (workbook));
  if (dimension < 0)
    return score->has_score ? score->phase : 0;

  return score->dimensions[dimension].has_score ? score->dimensions[dimension].phase : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (pw_team_get_name (*(PwTeam **) a), pw_team_get_name (*(PwTeam **) b));
}

/* The teams' names in the order of their names, joined by "|" */
static char *
dup_sorted_names (PwWorkbook *workbook)
{
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (workbook));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (teams, i));
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    {
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, pw_team_get_name (g_ptr_array_index (sorted, i)));
    }

  return g_string_free (names, FALSE);
}

typedef struct
{
  PwWorkbook *workbook;
  int         dimension;
  gboolean    descending;
} PhaseOrder;

static int
compare_by_phase (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  PhaseOrder *order = user_data;
  PwTeam *ta = *(PwTeam **) a, *tb = *(PwTeam **) b;
  int pa = latest_phase (order->workbook, pw_team_get_id (ta), order->dimension);
  int pb = latest_phase (order->workbook, pw_team_get_id (tb), order->dimension);

  if ((pa == 0) != (pb == 0))
    return pa == 0 ? 1 : -1;
  if (pa != pb)
    return order->descending ? pb - pa : pa - pb;

  return g_utf8_collate (pw_team_get_name (ta), pw_team_get_name (tb));
}

/* The teams' names as sorted by the phase of @dimension (-1: overall), the
 * teams without one last, equal ones by name, joined by "|" */
static char *
dup_names_by_phase (PwWorkbook *workbook,
                    int         dimension,
                    gboolean    descending)
{
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (workbook));
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  PhaseOrder order = { workbook, dimension, descending };
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (teams, i));
  g_ptr_array_sort_with_data (sorted, compare_by_phase, &order);

  for (guint i = 0; i < sorted->len; i++)
    {
      if (i > 0)
        g_string_append_c (names, '|');
      g_string_append (names, pw_team_get_name (g_ptr_array_index (sorted, i)));
    }

  return g_string_free (names, FALSE);
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  g_error ("No column %s", title);
}

static void
answer_everything (PwWorkbook   *workbook,
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

/* Pictures */

static gboolean
render (GtkWidget  *widget,
        const char *name)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkNative *native = gtk_widget_get_native (widget);
  const char *dir = g_getenv ("PW_TEST_PNG_DIR");
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  wait_frames (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", name);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("%s", path);
    }

  return gdk_texture_get_width (texture) == width;
}

/* Draws @widget in the light and the dark style */
static void
render_both (GtkWidget  *widget,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark = g_strdup_printf ("%s-dark", name);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (render (widget, name));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_true (render (widget, dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The tests */

/* A phase reads as its number and, for screen readers and the tooltip, its
 * name; no phase reads as a dash and "Not assessed"; a stale one says so */
static void
test_phase_cell (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  PwPhaseCell *cell = PW_PHASE_CELL (pw_phase_cell_new ());
  GtkWindow *window;
  const char *name = pw_framework_get_phase (framework, 3)->name;

  pw_phase_cell_set_framework (cell, framework);
  window = show (GTK_WIDGET (cell));

  g_assert_cmpint (pw_phase_cell_get_phase (cell), ==, 0);
  g_assert_cmpstr (pw_phase_cell_get_text (cell), ==, "–");
  g_assert_cmpstr (pw_phase_cell_get_description (cell), ==, "Not assessed");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "pw-phase-none"));

  pw_phase_cell_set_phase (cell, 3, FALSE);
  g_assert_cmpint (pw_phase_cell_get_phase (cell), ==, 3);
  g_assert_cmpstr (pw_phase_cell_get_text (cell), ==, "3");
  g_assert_nonnull (strstr (pw_phase_cell_get_description (cell), name));
  g_assert_nonnull (strstr (pw_phase_cell_get_description (cell), "3"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)), name));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "pw-phase-3"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "pw-phase-none"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "pw-stale"));

  /* Stale: marked in the cell, not only by colour, and said in words */
  pw_phase_cell_set_phase (cell, 3, TRUE);
  g_assert_true (pw_phase_cell_get_stale (cell));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "pw-stale"));
  g_assert_nonnull (strstr (pw_phase_cell_get_description (cell), "12 months"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (cell)),
                            "Assessed more than 12 months ago"));
  {
    GtkWidget *icon = pw_test_ui_find_widget (GTK_WIDGET (cell), GTK_TYPE_IMAGE);

    g_assert_nonnull (icon);
    wait_frames (GTK_WIDGET (cell));
    g_assert_true (gtk_widget_get_mapped (icon));
  }

  destroy (window, cell);
}

/* One row per team, sorted by a click on a header, phases from the latest
 * assessments with the unassessed last in either order */
static void
test_list_rows_and_sorting (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (workbook));
  PwTeamList *list = PW_TEAM_LIST (pw_team_list_new ());
  GtkColumnView *view = _pw_team_list_get_view (list);
  g_autofree char *by_name = dup_sorted_names (workbook);
  GtkWindow *window;
  g_autoptr(GPtrArray) talent_cells = NULL;
  g_autoptr(GPtrArray) stale_cells = NULL;
  g_autoptr(GPtrArray) care_cells = NULL;

  pw_team_list_set_workbook (list, workbook);
  window = show (GTK_WIDGET (list));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, g_list_model_get_n_items (teams));
  g_assert_cmpuint (g_list_model_get_n_items (teams), ==, 7);

  gtk_column_view_sort_by_column (view, find_column (view, "Name"), GTK_SORT_ASCENDING);
  wait_names (GTK_WIDGET (view), is_team_label, by_name);

  /* The phases, as the scores have them, stale marked */
  talent_cells = find_row_cells (GTK_WIDGET (view), is_team_label, "Talent Acquisition");
  g_assert_cmpuint (talent_cells->len, ==, 1);
  g_assert_cmpint (pw_phase_cell_get_phase (talent_cells->pdata[0]), ==,
                   latest_phase (workbook, "talent", -1));
  g_assert_cmpint (pw_phase_cell_get_phase (talent_cells->pdata[0]), ==, 3);
  g_assert_false (pw_phase_cell_get_stale (talent_cells->pdata[0]));
  stale_cells = find_row_cells (GTK_WIDGET (view), is_team_label, "Sales Europe");
  g_assert_true (pw_phase_cell_get_stale (stale_cells->pdata[0]));
  care_cells = find_row_cells (GTK_WIDGET (view), is_team_label, "Customer Care");
  g_assert_cmpint (pw_phase_cell_get_phase (care_cells->pdata[0]), ==, 0);
  g_assert_cmpstr (pw_phase_cell_get_text (care_cells->pdata[0]), ==, "–");

  /* By phase: lowest first, the unassessed last by name, in either order */
  {
    g_autofree char *ascending = dup_names_by_phase (workbook, -1, FALSE);
    g_autofree char *descending = dup_names_by_phase (workbook, -1, TRUE);
    const char *unassessed = "|Customer Care|Press & Public Relations|Sales North America|"
                             "Social Media Center of Excellence";

    g_assert_true (g_str_has_prefix (ascending, "Sales Europe|"));
    g_assert_true (g_str_has_suffix (ascending, unassessed));
    g_assert_true (g_str_has_suffix (descending, unassessed));
    gtk_column_view_sort_by_column (view, find_column (view, "Phase"), GTK_SORT_ASCENDING);
    wait_names (GTK_WIDGET (view), is_team_label, ascending);
    gtk_column_view_sort_by_column (view, find_column (view, "Phase"), GTK_SORT_DESCENDING);
    wait_names (GTK_WIDGET (view), is_team_label, descending);
  }

  /* By kind: the hub first */
  gtk_column_view_sort_by_column (view, find_column (view, "Kind"), GTK_SORT_ASCENDING);
  {
    g_autofree char *shown = NULL;

    wait_frames (GTK_WIDGET (view));
    shown = dup_shown_names (GTK_WIDGET (view), is_team_label);
    g_assert_true (g_str_has_prefix (shown, "Social Media Center of Excellence|"));
  }

  render_both (GTK_WIDGET (list), "list");

  destroy (window, list);
}

/* The list follows the model: a team renamed, added or removed */
static void
test_list_follows_model (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwTeamList *list = PW_TEAM_LIST (pw_team_list_new ());
  GtkColumnView *view = _pw_team_list_get_view (list);
  GtkWindow *window;
  PwTeam *added;
  g_autofree char *names = NULL;

  pw_team_list_set_workbook (list, workbook);
  window = show (GTK_WIDGET (list));
  gtk_column_view_sort_by_column (view, find_column (view, "Name"), GTK_SORT_ASCENDING);

  /* Renamed in the model: the row reads the new name, in its new place */
  pw_team_set_name (pw_org_map_find_team (map, "talent"), "Recruiting");
  names = dup_sorted_names (workbook);
  g_assert_nonnull (strstr (names, "Recruiting"));
  wait_names (GTK_WIDGET (view), is_team_label, names);
  g_clear_pointer (&names, g_free);

  /* A hub renamed: its spokes' Hub column follows */
  pw_team_set_name (pw_org_map_find_team (map, "hub"), "Center");
  names = dup_sorted_names (workbook);
  wait_names (GTK_WIDGET (view), is_team_label, names);
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (view), "Center"));
  g_clear_pointer (&names, g_free);

  /* The other columns, and a link removed and made */
  wait_row_text (GTK_WIDGET (view), "Recruiting", "Spoke|Center|HR|Global");
  pw_org_map_unlink_teams (map, "hub", "talent");
  wait_row_text (GTK_WIDGET (view), "Recruiting", "Spoke||HR|Global");
  pw_org_map_link_teams (map, "hub", "talent");
  wait_row_text (GTK_WIDGET (view), "Recruiting", "Spoke|Center|HR|Global");
  pw_team_set_region (pw_org_map_find_team (map, "talent"), "Asia");
  pw_team_set_function (pw_org_map_find_team (map, "talent"), "People");
  wait_row_text (GTK_WIDGET (view), "Recruiting", "Spoke|Center|People|Asia");
  wait_row_text (GTK_WIDGET (view), "Center", "Hub||Corporate communications|Global");

  /* Added and removed */
  added = pw_workbook_add_team (workbook, PW_TEAM_SPOKE, "Aardvark Unit", 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, 8);
  names = dup_sorted_names (workbook);
  g_assert_true (g_str_has_prefix (names, "Aardvark Unit|"));
  wait_names (GTK_WIDGET (view), is_team_label, names);
  g_clear_pointer (&names, g_free);

  pw_workbook_delete_teams (workbook, &added, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))),
                    ==, 7);
  names = dup_sorted_names (workbook);
  wait_names (GTK_WIDGET (view), is_team_label, names);
  g_clear_pointer (&names, g_free);

  /* An assessment for a team that had none: its phase after the refresh */
  {
    PwAssessment *assessment = pw_workbook_start_assessment (workbook, "care");
    g_autoptr(GPtrArray) cells = NULL;

    answer_everything (workbook, assessment, 4);
    pw_team_list_refresh_states (list);
    cells = find_row_cells (GTK_WIDGET (view), is_team_label, "Customer Care");
    g_assert_cmpint (pw_phase_cell_get_phase (cells->pdata[0]), ==,
                     latest_phase (workbook, "care", -1));
    g_assert_cmpint (pw_phase_cell_get_phase (cells->pdata[0]), >, 0);
  }

  /* Without a refresh: the list follows the workbook's changes by itself */
  {
    PwAssessment *assessment = pw_workbook_start_assessment (workbook, "sales-na");
    PhaseShown shown = { GTK_WIDGET (view), "Sales North America", 0 };

    answer_everything (workbook, assessment, 1);
    shown.phase = latest_phase (workbook, "sales-na", -1);
    g_assert_cmpint (shown.phase, ==, 1);
    pw_test_ui_wait (phase_shown, &shown, "the new assessment's phase");
  }

  destroy (window, list);
}

static gboolean
is_editing_entry (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

static GtkEditable *
find_editing (GtkWidget *view)
{
  wait_frames (view);
  return (GtkEditable *) pw_test_ui_find (view, is_editing_entry, NULL);
}

static void
activate_row (GtkColumnView *view,
              PwTeam        *team)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PwTeam) item = g_list_model_get_item (model, i);

      if (item == team)
        {
          g_signal_emit_by_name (view, "activate", i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* A name edited in place: taken when not empty, reverted when empty, left
 * on Escape; F2 and activating a row (Enter, a double click) start it */
static void
test_list_edit_name (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwTeam *pr = pw_org_map_find_team (pw_workbook_get_org_map (workbook), "pr");
  PwTeamList *list = PW_TEAM_LIST (pw_team_list_new ());
  GtkColumnView *view = _pw_team_list_get_view (list);
  GtkEditable *entry;
  GtkWindow *window;

  pw_team_list_set_workbook (list, workbook);
  window = show (GTK_WIDGET (list));
  g_assert_null (find_editing (GTK_WIDGET (view)));

  /* F2, the focus elsewhere: the selected team */
  gtk_window_set_focus (window, NULL);
  pw_team_list_select_teams (list, &pr, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "team-list.rename", NULL));
  entry = find_editing (GTK_WIDGET (view));
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Press & Public Relations");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                            GTK_WIDGET (entry)));

  /* Empty: not taken */
  gtk_editable_set_text (entry, "  ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (pw_team_get_name (pr), ==, "Press & Public Relations");
  g_assert_null (find_editing (GTK_WIDGET (view)));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (view), "Press & Public Relations"));

  /* Enter on the row, a new name, Enter */
  activate_row (view, pr);
  entry = find_editing (GTK_WIDGET (view));
  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, "Press Office ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (pw_team_get_name (pr), ==, "Press Office");
  g_assert_null (find_editing (GTK_WIDGET (view)));
  g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (view), "Press Office"));

  /* Escape: nothing changes */
  activate_row (view, pr);
  entry = find_editing (GTK_WIDGET (view));
  gtk_editable_set_text (entry, "Something else");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (entry), "name-cell.cancel", NULL));
  g_assert_cmpstr (pw_team_get_name (pr), ==, "Press Office");
  g_assert_null (find_editing (GTK_WIDGET (view)));

  /* F2 on the row that has the focus: the keyboard reaches the rows */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "team-list.rename", NULL));
  entry = find_editing (GTK_WIDGET (view));
  g_assert_nonnull (entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (entry)));
  /* The window closed while editing: nothing is left behind (the next test
   * would trip over it) */

  destroy (window, list);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* The page's selection in and out: select_teams() does not echo */
static void
test_list_selection (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  PwTeamList *list = PW_TEAM_LIST (pw_team_list_new ());
  GtkColumnView *view = _pw_team_list_get_view (list);
  PwTeam *teams[2];
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GtkWindow *window;
  guint changes = 0;

  pw_team_list_set_workbook (list, workbook);
  g_signal_connect (list, "selection-changed", G_CALLBACK (count_cb), &changes);
  window = show (GTK_WIDGET (list));

  teams[0] = pw_org_map_find_team (map, "talent");
  teams[1] = pw_org_map_find_team (map, "product");
  pw_team_list_select_teams (list, teams, 2);
  g_assert_cmpuint (changes, ==, 0);

  selected = pw_team_list_get_selected (list);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (g_ptr_array_find (selected, teams[0], NULL));
  g_assert_true (g_ptr_array_find (selected, teams[1], NULL));

  /* Still selected after sorting */
  gtk_column_view_sort_by_column (view, find_column (view, "Region"), GTK_SORT_DESCENDING);
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = pw_team_list_get_selected (list);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (g_ptr_array_find (selected, teams[0], NULL));

  /* The user's selection is announced */
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 0, TRUE);
  g_assert_cmpuint (changes, ==, 1);
  g_clear_pointer (&selected, g_ptr_array_unref);
  selected = pw_team_list_get_selected (list);
  g_assert_cmpuint (selected->len, ==, 1);

  pw_team_list_select_teams (list, NULL, 0);
  g_assert_cmpuint (changes, ==, 1);
  none = pw_team_list_get_selected (list);
  g_assert_cmpuint (none->len, ==, 0);

  destroy (window, list);
}

static gboolean
is_status_page (GtkWidget     *widget,
                gconstpointer  title)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), title) == 0;
}

/* Without teams: what to do instead of an empty table */
static void
test_list_empty (void)
{
  g_autoptr(PwWorkbook) example = pw_test_load_example ();
  g_autoptr(PwWorkbook) workbook = pw_workbook_new (pw_workbook_get_framework (example));
  PwTeamList *list = PW_TEAM_LIST (pw_team_list_new ());
  GtkWindow *window;
  PwTeam *team;

  pw_team_list_set_workbook (list, workbook);
  window = show (GTK_WIDGET (list));
  g_assert_nonnull (pw_test_ui_find (GTK_WIDGET (list), is_status_page, "No Teams Yet"));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (_pw_team_list_get_view (list))));

  team = pw_workbook_add_team (workbook, PW_TEAM_HUB, "Hub", 0, 0);
  wait_frames (GTK_WIDGET (list));
  g_assert_null (pw_test_ui_find (GTK_WIDGET (list), is_status_page, "No Teams Yet"));
  wait_names (GTK_WIDGET (_pw_team_list_get_view (list)), is_team_label, "Hub");

  pw_workbook_delete_teams (workbook, &team, 1);
  wait_frames (GTK_WIDGET (list));
  g_assert_nonnull (pw_test_ui_find (GTK_WIDGET (list), is_status_page, "No Teams Yet"));

  destroy (window, list);
}

static void
activated_cb (PwTeamsOverview *overview,
              const char      *team_id,
              char           **activated)
{
  g_free (*activated);
  *activated = g_strdup (team_id != NULL ? team_id : "(organization)");
}

/* The overview: the organization and every team with the phases of their
 * latest assessments; sorting keeps the organization on top */
static void
test_overview (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  guint n_dimensions = pw_framework_get_n_dimensions (framework);
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (workbook));
  PwTeamsOverview *overview = PW_TEAMS_OVERVIEW (pw_teams_overview_new ());
  const char *unassessed[] = { "hub", "care", "pr", "sales-na" };
  const char *assessed[] = { "talent", "product", "sales-eu" };
  g_autofree char *activated = NULL;
  GtkColumnView *view;
  GtkWindow *window;

  pw_teams_overview_set_workbook (overview, workbook);
  g_signal_connect (overview, "team-activated", G_CALLBACK (activated_cb), &activated);
  window = show (GTK_WIDGET (overview));
  view = GTK_COLUMN_VIEW (pw_test_ui_find_widget (GTK_WIDGET (overview), GTK_TYPE_COLUMN_VIEW));

  g_assert_cmpuint (pw_teams_overview_get_n_rows (overview), ==,
                    g_list_model_get_n_items (teams) + 1);
  /* Team, kind, assessed, overall, and one per dimension */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==,
                    4 + n_dimensions);
  for (guint d = 0; d < n_dimensions; d++)
    find_column (view, pw_framework_get_dimension (framework, d)->name);

  /* The phases are the scores' */
  for (guint i = 0; i < G_N_ELEMENTS (assessed); i++)
    for (int d = -1; d < (int) n_dimensions; d++)
      g_assert_cmpint (pw_teams_overview_get_phase (overview, assessed[i], d), ==,
                       latest_phase (workbook, assessed[i], d));
  for (int d = -1; d < (int) n_dimensions; d++)
    g_assert_cmpint (pw_teams_overview_get_phase (overview, NULL, d), ==,
                     latest_phase (workbook, NULL, d));
  g_assert_cmpint (pw_teams_overview_get_phase (overview, "talent", -1), ==, 3);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, "product", -1), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (unassessed); i++)
    for (int d = -1; d < (int) n_dimensions; d++)
      g_assert_cmpint (pw_teams_overview_get_phase (overview, unassessed[i], d), ==, 0);

  g_assert_true (pw_teams_overview_get_stale (overview, "sales-eu"));
  g_assert_false (pw_teams_overview_get_stale (overview, "talent"));
  g_assert_false (pw_teams_overview_get_stale (overview, "product"));

  /* On screen: the organization first; the stale row's cells marked */
  wait_frames (GTK_WIDGET (view));
  {
    g_autofree char *shown = dup_shown_names (GTK_WIDGET (view), is_team_label);
    g_autoptr(GPtrArray) stale = find_row_cells (GTK_WIDGET (view), is_team_label,
                                                 "Sales Europe");
    g_autoptr(GPtrArray) talent = find_row_cells (GTK_WIDGET (view), is_team_label,
                                                  "Talent Acquisition");
    g_autoptr(GPtrArray) care = find_row_cells (GTK_WIDGET (view), is_team_label,
                                                "Customer Care");

    g_assert_true (g_str_has_prefix (shown, "Whole organization|"));
    g_assert_cmpuint (stale->len, ==, 1 + n_dimensions);
    for (guint i = 0; i < stale->len; i++)
      g_assert_true (pw_phase_cell_get_stale (stale->pdata[i]));
    g_assert_cmpint (pw_phase_cell_get_phase (talent->pdata[0]), ==, 3);
    for (guint i = 0; i < talent->len; i++)
      g_assert_false (pw_phase_cell_get_stale (talent->pdata[i]));
    for (guint i = 0; i < care->len; i++)
      g_assert_cmpstr (pw_phase_cell_get_text (care->pdata[i]), ==, "–");
    g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (view), "Not assessed"));
  }

  /* The weakest dimension across the assessed teams: lowest mean, the first
   * of equal ones */
  {
    int weakest = -1;
    double weakest_mean = 0;
    g_autofree char *expected = NULL;

    for (guint d = 0; d < n_dimensions; d++)
      {
        double sum = 0;
        guint count = 0;

        for (guint i = 0; i < G_N_ELEMENTS (assessed); i++)
          {
            int phase = latest_phase (workbook, assessed[i], (int) d);

            if (phase > 0)
              {
                sum += phase;
                count++;
              }
          }
        if (count > 0 && (weakest < 0 || sum / count < weakest_mean - 1e-9))
          {
            weakest = (int) d;
            weakest_mean = sum / count;
          }
      }
    g_assert_cmpint (weakest, >=, 0);
    expected = g_strdup_printf ("Weakest across the teams: %s (mean phase %.1f)",
                                pw_framework_get_dimension (framework, weakest)->name,
                                weakest_mean);
    g_assert_cmpstr (pw_teams_overview_get_summary (overview), ==, expected);
    g_assert_nonnull (pw_test_ui_find_label (GTK_WIDGET (overview), expected));
  }

  /* Sorting: the organization stays on top, the unassessed go last */
  for (int d = -1; d < (int) n_dimensions; d++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autofree char *names = dup_names_by_phase (workbook, d, descending);
        g_autofree char *expected = g_strdup_printf ("Whole organization|%s", names);
        const char *title = d < 0 ? "Overall" : pw_framework_get_dimension (framework, d)->name;

        gtk_column_view_sort_by_column (view, find_column (view, title),
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        wait_names (GTK_WIDGET (view), is_team_label, expected);
      }
  gtk_column_view_sort_by_column (view, find_column (view, "Assessed"), GTK_SORT_DESCENDING);
  wait_names (GTK_WIDGET (view), is_team_label,
              "Whole organization|Talent Acquisition|Product Marketing|Sales Europe|"
              "Customer Care|Press & Public Relations|Sales North America|"
              "Social Media Center of Excellence");
  gtk_column_view_sort_by_column (view, find_column (view, "Assessed"), GTK_SORT_ASCENDING);
  wait_names (GTK_WIDGET (view), is_team_label,
              "Whole organization|Sales Europe|Product Marketing|Talent Acquisition|"
              "Customer Care|Press & Public Relations|Sales North America|"
              "Social Media Center of Excellence");
  /* Activating a row names its team */
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_cmpstr (activated, ==, "(organization)");
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpstr (activated, ==, "sales-eu");

  render_both (GTK_WIDGET (overview), "overview");

  destroy (window, overview);
}

/* The overview follows the model: an assessment added, teams added and
 * removed, a team renamed */
static void
test_overview_follows_model (void)
{
  g_autoptr(PwWorkbook) workbook = pw_test_load_example ();
  PwFramework *framework = pw_workbook_get_framework (workbook);
  guint n_dimensions = pw_framework_get_n_dimensions (framework);
  PwTeamsOverview *overview = PW_TEAMS_OVERVIEW (pw_teams_overview_new ());
  PwAssessment *assessment;
  GtkColumnView *view;
  GtkWindow *window;
  PwTeam *added;

  pw_teams_overview_set_workbook (overview, workbook);
  window = show (GTK_WIDGET (overview));
  view = GTK_COLUMN_VIEW (pw_test_ui_find_widget (GTK_WIDGET (overview), GTK_TYPE_COLUMN_VIEW));

  assessment = pw_workbook_start_assessment (workbook, "pr");
  answer_everything (workbook, assessment, 1);
  pw_teams_overview_refresh (overview);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, "pr", -1), ==, 1);
  for (int d = -1; d < (int) n_dimensions; d++)
    g_assert_cmpint (pw_teams_overview_get_phase (overview, "pr", d), ==,
                     latest_phase (workbook, "pr", d));
  g_assert_false (pw_teams_overview_get_stale (overview, "pr"));
  /* Every dimension at phase 1 now has the lowest mean: the first of them */
  {
    g_autofree char *expected = NULL;
    double mean[64] = { 0 };
    int weakest = 0;
    const char *ids[] = { "talent", "product", "sales-eu", "pr" };

    g_assert_cmpuint (n_dimensions, <, G_N_ELEMENTS (mean));
    for (guint d = 0; d < n_dimensions; d++)
      {
        guint count = 0;

        for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
          if (latest_phase (workbook, ids[i], (int) d) > 0)
            {
              mean[d] += latest_phase (workbook, ids[i], (int) d);
              count++;
            }
        mean[d] /= count;
        if (mean[d] < mean[weakest] - 1e-9)
          weakest = (int) d;
      }
    expected = g_strdup_printf ("Weakest across the teams: %s (mean phase %.1f)",
                                pw_framework_get_dimension (framework, weakest)->name,
                                mean[weakest]);
    g_assert_cmpstr (pw_teams_overview_get_summary (overview), ==, expected);
  }

  /* Without a refresh: the overview follows the workbook by itself */
  {
    PwAssessment *later = pw_workbook_start_assessment (workbook, "care");
    PhaseShown shown = { GTK_WIDGET (view), "Customer Care", 0 };

    answer_everything (workbook, later, 2);
    shown.phase = latest_phase (workbook, "care", -1);
    g_assert_cmpint (shown.phase, ==, 2);
    pw_test_ui_wait (phase_shown, &shown, "the new assessment's phase");
    g_assert_cmpint (pw_teams_overview_get_phase (overview, "care", -1), ==, 2);
  }

  /* Added, renamed and removed */
  added = pw_workbook_add_team (workbook, PW_TEAM_SPOKE, "Aardvark Unit", 0, 0);
  g_assert_cmpuint (pw_teams_overview_get_n_rows (overview), ==, 9);
  g_assert_cmpint (pw_teams_overview_get_phase (overview, pw_team_get_id (added), -1), ==, 0);
  gtk_column_view_sort_by_column (view, find_column (view, "Team"), GTK_SORT_ASCENDING);
  wait_names (GTK_WIDGET (view), is_team_label,
              "Whole organization|Aardvark Unit|Customer Care|Press & Public Relations|"
              "Product Marketing|Sales Europe|Sales North America|"
              "Social Media Center of Excellence|Talent Acquisition");
  pw_team_set_name (added, "Zebra Unit");
  wait_names (GTK_WIDGET (view), is_team_label,
              "Whole organization|Customer Care|Press & Public Relations|"
              "Product Marketing|Sales Europe|Sales North America|"
              "Social Media Center of Excellence|Talent Acquisition|Zebra Unit");
  pw_workbook_delete_teams (workbook, &added, 1);
  g_assert_cmpuint (pw_teams_overview_get_n_rows (overview), ==, 8);
  wait_names (GTK_WIDGET (view), is_team_label,
              "Whole organization|Customer Care|Press & Public Relations|"
              "Product Marketing|Sales Europe|Sales North America|"
              "Social Media Center of Excellence|Talent Acquisition");

  /* Without assessed teams, no weakest line */
  {
    g_autoptr(PwWorkbook) empty = pw_workbook_new (framework);

    pw_workbook_add_team (empty, PW_TEAM_HUB, "Hub", 0, 0);
    pw_teams_overview_set_workbook (overview, empty);
    g_assert_cmpuint (pw_teams_overview_get_n_rows (overview), ==, 2);
    g_assert_null (pw_teams_overview_get_summary (overview));
    pw_teams_overview_set_workbook (overview, NULL);
  }

  destroy (window, overview);
}

int
main (int   argc,
      char *argv[])
{
  pw_test_ui_isolate_home ("phasewise-test-team-lists");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  pw_test_ui_load_style ();

  g_test_add_func ("/phasewise/team-lists/phase-cell", test_phase_cell);
  g_test_add_func ("/phasewise/team-lists/list-rows-and-sorting", test_list_rows_and_sorting);
  g_test_add_func ("/phasewise/team-lists/list-follows-model", test_list_follows_model);
  g_test_add_func ("/phasewise/team-lists/list-edit-name", test_list_edit_name);
  g_test_add_func ("/phasewise/team-lists/list-selection", test_list_selection);
  g_test_add_func ("/phasewise/team-lists/list-empty", test_list_empty);
  g_test_add_func ("/phasewise/team-lists/overview", test_overview);
  g_test_add_func ("/phasewise/team-lists/overview-follows-model", test_overview_follows_model);

  return g_test_run ();
}
