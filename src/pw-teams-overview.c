/* pw-teams-overview.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-teams-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-phase-cell.h"
#include "pw-teams-overview.h"
#include "pw-utils-private.h"

/**
 * PwTeamsOverview:
 *
 * Every team's latest assessment side by side: one row for the whole
 * organization, then one per team, with the date of the latest assessment,
 * the overall phase and the phase of each dimension.  Every column sorts by
 * a click on its header (the organization stays on top, teams without an
 * assessment go last), and a line above the table names the dimension that
 * is weakest across the assessed teams.  Activating a row (Enter, a double
 * click) emits #PwTeamsOverview::team-activated.
 *
 * The rows follow the map as it changes; the phases follow the assessments
 * at the next idle, or at once with pw_teams_overview_refresh().
 */

/* One row: a team, or the whole organization, and what its latest
 * assessment says */

#define PW_TYPE_OVERVIEW_ROW (pw_overview_row_get_type ())

G_DECLARE_FINAL_TYPE (PwOverviewRow, pw_overview_row, PW, OVERVIEW_ROW, GObject)

struct _PwOverviewRow
{
  GObject   parent_instance;

  PwTeam   *team;       /* NULL: the whole organization */
  gboolean  assessed;
  char     *date;
  gboolean  stale;
  int       overall;
  GArray   *phases;     /* int, one per dimension */
};

G_DEFINE_FINAL_TYPE (PwOverviewRow, pw_overview_row, G_TYPE_OBJECT)

static void
pw_overview_row_finalize (GObject *object)
{
  PwOverviewRow *self = PW_OVERVIEW_ROW (object);

  g_clear_object (&self->team);
  g_free (self->date);
  g_array_unref (self->phases);

  G_OBJECT_CLASS (pw_overview_row_parent_class)->finalize (object);
}

static void
pw_overview_row_class_init (PwOverviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_overview_row_finalize;
}

static void
pw_overview_row_init (PwOverviewRow *self)
{
  self->phases = g_array_new (FALSE, TRUE, sizeof (int));
}

static PwOverviewRow *
pw_overview_row_new (PwTeam *team)
{
  PwOverviewRow *row = g_object_new (PW_TYPE_OVERVIEW_ROW, NULL);

  g_set_object (&row->team, team);
  return row;
}

static int
row_get_phase (PwOverviewRow *row,
               int            dimension)
{
  if (dimension < 0)
    return row->overall;
  if ((guint) dimension >= row->phases->len)
    return 0;

  return g_array_index (row->phases, int, dimension);
}

static void
row_update (PwOverviewRow *row,
            PwWorkbook    *workbook,
            const GDate   *today)
{
  PwFramework *framework = pw_workbook_get_framework (workbook);
  guint n = pw_framework_get_n_dimensions (framework);
  PwAssessment *latest;
  g_autoptr(PwScore) score = NULL;

  latest = pw_workbook_find_latest_assessment (workbook,
                                               row->team != NULL ? pw_team_get_id (row->team)
                                                                 : NULL);
  g_array_set_size (row->phases, 0);
  g_array_set_size (row->phases, n);
  g_clear_pointer (&row->date, g_free);
  row->assessed = (latest != NULL);
  row->stale = FALSE;
  row->overall = 0;
  if (latest == NULL)
    return;

  row->date = g_strdup (pw_assessment_get_date (latest));
  row->stale = pw_assessment_is_stale (latest, today);
  score = pw_score_compute (framework, latest, pw_workbook_get_policy (workbook));
  row->overall = score->has_score ? score->phase : 0;
  for (guint i = 0; i < score->n_dimensions && i < n; i++)
    {
      const PwDimensionScore *dimension = &score->dimensions[i];

      g_array_index (row->phases, int, dimension->dimension->index < n
                                       ? dimension->dimension->index : i)
        = dimension->has_score ? dimension->phase : 0;
    }
}

/* The overview */

typedef enum
{
  COL_TEAM,
  COL_KIND,
  COL_ASSESSED,
  COL_OVERALL,
  COL_DIMENSION,
} Column;

struct _PwTeamsOverview
{
  AdwBin             parent_instance;

  GtkLabel          *summary;
  GtkColumnView     *view;
  GPtrArray         *dimension_columns;  /* GtkColumnViewColumn */

  GListStore        *organization;       /* the one row of the whole organization */
  GListStore        *team_rows;          /* PwOverviewRow, in the map's order */
  GtkSortListModel  *sorted;
  GtkSingleSelection *selection;

  PwWorkbook        *workbook;
  PwOrgMap          *map;
  GHashTable        *cells;              /* set of the bound cell widgets */

  guint              refresh_id;
};

enum
{
  TEAM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PwTeamsOverview, pw_teams_overview, ADW_TYPE_BIN)

static PwOverviewRow *
cell_get_row (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "pw-row");
}

static Column
get_column_kind (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "pw-column"));
}

static int
get_dimension (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "pw-dimension"));
}

static const char *
row_get_name (PwOverviewRow *row)
{
  if (row->team == NULL)
    return _("Whole organization");

  return pw_team_get_name (row->team);
}

static const char *
row_get_kind (PwOverviewRow *row)
{
  if (row->team == NULL)
    return "";
  if (pw_team_get_kind (row->team) == PW_TEAM_HUB)
    /* Translators: the kind of a team in the teams overview */
    return C_("team kind", "Hub");

  /* Translators: the kind of a team in the teams overview */
  return C_("team kind", "Spoke");
}

static void
update_cell (PwTeamsOverview *self,
             GtkWidget       *cell)
{
  PwOverviewRow *row = cell_get_row (cell);

  if (row == NULL)
    return;

  switch (get_column_kind (cell))
    {
    case COL_TEAM:
      gtk_label_set_label (GTK_LABEL (cell), row_get_name (row));
      if (row->team == NULL)
        gtk_widget_add_css_class (cell, "heading");
      else
        gtk_widget_remove_css_class (cell, "heading");
      break;

    case COL_KIND:
      gtk_label_set_label (GTK_LABEL (cell), row_get_kind (row));
      break;

    case COL_ASSESSED:
      {
        GtkWidget *label = gtk_widget_get_first_child (cell);
        GtkWidget *icon = gtk_widget_get_next_sibling (label);
        g_autofree char *text = NULL;

        if (row->assessed)
          text = pw_result_text_format_date (row->date);
        if (text == NULL || *text == '\0')
          {
            g_free (text);
            text = g_strdup (row->assessed ? "" : _("Not assessed"));
          }
        gtk_label_set_label (GTK_LABEL (label), text);
        gtk_widget_set_visible (icon, row->stale);
        if (row->assessed)
          gtk_widget_remove_css_class (label, "dim-label");
        else
          gtk_widget_add_css_class (label, "dim-label");
        if (row->stale)
          gtk_widget_add_css_class (cell, "pw-stale");
        else
          gtk_widget_remove_css_class (cell, "pw-stale");
        gtk_widget_set_tooltip_text (cell, row->stale ? _("Assessed more than 12 months ago")
                                                      : NULL);
        gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        row->stale ? _("Assessed more than 12 months ago") : "",
                                        -1);
      }
      break;

    case COL_OVERALL:
    case COL_DIMENSION:
      pw_phase_cell_set_framework (PW_PHASE_CELL (cell),
                                   self->workbook != NULL
                                   ? pw_workbook_get_framework (self->workbook) : NULL);
      pw_phase_cell_set_phase (PW_PHASE_CELL (cell),
                               row_get_phase (row, get_column_kind (cell) == COL_OVERALL
                                                   ? -1 : get_dimension (cell)),
                               row->stale);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The bound cells of @row, or of every row with NULL */
static void
update_cells (PwTeamsOverview *self,
              PwOverviewRow   *row)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (row == NULL || cell_get_row (cell) == row)
      update_cell (self, cell);
}

static void
update_summary (PwTeamsOverview *self)
{
  PwFramework *framework;
  guint n_teams, n;
  g_autofree double *sums = NULL;
  g_autofree guint *counts = NULL;
  int weakest = -1;
  double weakest_mean = 0;

  if (self->workbook == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->summary), FALSE);
      return;
    }

  framework = pw_workbook_get_framework (self->workbook);
  n = pw_framework_get_n_dimensions (framework);
  sums = g_new0 (double, n);
  counts = g_new0 (guint, n);
  n_teams = g_list_model_get_n_items (G_LIST_MODEL (self->team_rows));
  for (guint i = 0; i < n_teams; i++)
    {
      g_autoptr(PwOverviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->team_rows), i);

      if (!row->assessed)
        continue;
      for (guint d = 0; d < n; d++)
        {
          int phase = row_get_phase (row, (int) d);

          if (phase > 0)
            {
              sums[d] += phase;
              counts[d]++;
            }
        }
    }

  for (guint d = 0; d < n; d++)
    {
      double mean;

      if (counts[d] == 0)
        continue;
      mean = sums[d] / counts[d];
      /* Ties: the first in the framework's order */
      if (weakest < 0 || mean < weakest_mean - 1e-9)
        {
          weakest = (int) d;
          weakest_mean = mean;
        }
    }

  if (weakest < 0)
    {
      gtk_label_set_label (self->summary, "");
      gtk_widget_set_visible (GTK_WIDGET (self->summary), FALSE);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: above the teams overview: the dimension with the lowest mean phase over
       * the teams' latest assessments, "Weakest across the teams: Governance (mean phase 1.7)" */
      text = g_strdup_printf (_("Weakest across the teams: %s (mean phase %.1f)"),
                              pw_framework_get_dimension (framework, weakest)->name,
                              weakest_mean);
      gtk_label_set_label (self->summary, text);
      gtk_widget_set_visible (GTK_WIDGET (self->summary), TRUE);
    }
}

static void
columns_changed (PwTeamsOverview *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

      if (sorter != NULL)
        gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
}

/* Sorting */

/* Rows with @a_has and @b_has last, whatever order the column is sorted in */
static gboolean
compare_missing (gboolean             a_has,
                 gboolean             b_has,
                 GtkColumnViewColumn *column,
                 int                 *result)
{
  if (a_has == b_has)
    return FALSE;

  *result = a_has ? -1 : 1;
  if (_pw_sort_is_descending (column))
    *result = -*result;
  return TRUE;
}

static GtkOrdering
compare_column (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  PwOverviewRow *row_a = (PwOverviewRow *) a;
  PwOverviewRow *row_b = (PwOverviewRow *) b;
  GtkOrdering ordering;
  int result = 0;

  if (_pw_sort_probe (a, b, column, &ordering))
    return ordering;

  switch (get_column_kind (column))
    {
    case COL_TEAM:
      break;

    case COL_KIND:
      if (row_a->team != NULL && row_b->team != NULL)
        result = (int) pw_team_get_kind (row_a->team) - (int) pw_team_get_kind (row_b->team);
      break;

    case COL_ASSESSED:
      if (!compare_missing (row_a->assessed, row_b->assessed, column, &result))
        result = g_strcmp0 (row_a->date, row_b->date);
      break;

    case COL_OVERALL:
    case COL_DIMENSION:
      {
        int dimension = get_column_kind (column) == COL_OVERALL ? -1 : get_dimension (column);

        ordering = _pw_phase_compare (row_get_phase (row_a, dimension),
                                      row_get_phase (row_b, dimension),
                                      _pw_sort_is_descending (column));
        if (ordering != GTK_ORDERING_EQUAL)
          return ordering;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Equal ones by name, in either order */
  if (result == 0)
    {
      result = g_utf8_collate (row_get_name (row_a), row_get_name (row_b));
      if (get_column_kind (column) != COL_TEAM && _pw_sort_is_descending (column))
        result = -result;
    }

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER
                                                        : GTK_ORDERING_EQUAL;
}

/* The factories */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PwTeamsOverview          *self)
{
  Column column = get_column_kind (factory);
  GtkWidget *cell;

  switch (column)
    {
    case COL_TEAM:
    case COL_KIND:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      if (column == COL_TEAM)
        {
          gtk_label_set_width_chars (GTK_LABEL (cell), 16);
          gtk_widget_add_css_class (cell, "pw-team-name");
        }
      break;

    case COL_ASSESSED:
      {
        GtkWidget *label = gtk_label_new (NULL);
        GtkWidget *icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");

        cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        gtk_label_set_width_chars (GTK_LABEL (label), 12);
        gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
        gtk_accessible_update_state (GTK_ACCESSIBLE (icon),
                                     GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                     -1);
        gtk_box_append (GTK_BOX (cell), label);
        gtk_box_append (GTK_BOX (cell), icon);
        gtk_widget_add_css_class (cell, "pw-assessed");
      }
      break;

    case COL_OVERALL:
    case COL_DIMENSION:
      cell = pw_phase_cell_new ();
      break;

    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (cell), "pw-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (cell), "pw-dimension",
                     GINT_TO_POINTER (get_dimension (factory)));
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PwTeamsOverview          *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (self->cells == NULL)
    return;

  g_object_set_data (G_OBJECT (cell), "pw-row", gtk_list_item_get_item (item));
  g_hash_table_add (self->cells, cell);
  update_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PwTeamsOverview          *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (self->cells != NULL)
    g_hash_table_remove (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "pw-row", NULL);
}

static GtkColumnViewColumn *
add_column (PwTeamsOverview *self,
            Column           column,
            int              dimension,
            const char      *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "pw-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "pw-dimension", GINT_TO_POINTER (dimension));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  g_object_set_data (G_OBJECT (view_column), "pw-column", GINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (view_column), "pw-dimension", GINT_TO_POINTER (dimension));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_column, view_column, NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_append_column (self->view, view_column);

  /* The view holds it */
  g_object_unref (view_column);
  return view_column;
}

static void
set_dimension_columns (PwTeamsOverview *self)
{
  PwFramework *framework;
  guint n;

  for (guint i = 0; i < self->dimension_columns->len; i++)
    gtk_column_view_remove_column (self->view, g_ptr_array_index (self->dimension_columns, i));
  g_ptr_array_set_size (self->dimension_columns, 0);

  if (self->workbook == NULL)
    return;

  framework = pw_workbook_get_framework (self->workbook);
  n = pw_framework_get_n_dimensions (framework);
  for (guint i = 0; i < n; i++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, i);

      g_ptr_array_add (self->dimension_columns,
                       add_column (self, COL_DIMENSION, (int) i, dimension->name));
    }
}

/* Following the workbook */

static PwOverviewRow *
find_row (PwTeamsOverview *self,
          PwTeam          *team)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->team_rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwOverviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->team_rows), i);

      if (row->team == team)
        return row;
    }

  return NULL;
}

static void
team_notify_cb (PwTeam          *team,
                GParamSpec      *pspec,
                PwTeamsOverview *self)
{
  const char *name = g_param_spec_get_name (pspec);
  PwOverviewRow *row;

  if (!g_str_equal (name, "name") && !g_str_equal (name, "kind"))
    return;

  row = find_row (self, team);
  if (row != NULL)
    update_cells (self, row);
  columns_changed (self);
}

static void
teams_changed_cb (GListModel      *teams,
                  guint            position,
                  guint            removed,
                  guint            added,
                  PwTeamsOverview *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GDate today;

  for (guint i = position; i < position + removed; i++)
    {
      g_autoptr(PwOverviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->team_rows), i);

      g_signal_handlers_disconnect_by_func (row->team, team_notify_cb, self);
    }

  _pw_date_init_today (&today);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, position + i);
      PwOverviewRow *row = pw_overview_row_new (team);

      row_update (row, self->workbook, &today);
      g_signal_connect_object (team, "notify", G_CALLBACK (team_notify_cb), self, 0);
      g_ptr_array_add (rows, row);
    }

  g_list_store_splice (self->team_rows, position, removed, rows->pdata, rows->len);
  update_summary (self);
}

static void
refresh_idle_cb (gpointer user_data)
{
  PwTeamsOverview *self = user_data;

  self->refresh_id = 0;
  pw_teams_overview_refresh (self);
}

static void
workbook_changed_cb (PwWorkbook      *workbook,
                     PwTeamsOverview *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_once (refresh_idle_cb, self);
}

static void
view_activate_cb (GtkColumnView   *view,
                  guint            position,
                  PwTeamsOverview *self)
{
  g_autoptr(PwOverviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    g_signal_emit (self, signals[TEAM_ACTIVATED], 0,
                   row->team != NULL ? pw_team_get_id (row->team) : NULL);
}

static void
disconnect_workbook (PwTeamsOverview *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->team_rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwOverviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->team_rows), i);

      g_signal_handlers_disconnect_by_func (row->team, team_notify_cb, self);
    }
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (pw_org_map_get_teams (self->map), self);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);

  g_clear_object (&self->map);
  g_clear_object (&self->workbook);
}

static void
pw_teams_overview_dispose (GObject *object)
{
  PwTeamsOverview *self = PW_TEAMS_OVERVIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  if (self->team_rows != NULL)
    disconnect_workbook (self);

  G_OBJECT_CLASS (pw_teams_overview_parent_class)->dispose (object);
}

static void
pw_teams_overview_finalize (GObject *object)
{
  PwTeamsOverview *self = PW_TEAMS_OVERVIEW (object);

  g_clear_pointer (&self->dimension_columns, g_ptr_array_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->organization);
  g_clear_object (&self->team_rows);

  G_OBJECT_CLASS (pw_teams_overview_parent_class)->finalize (object);
}

static void
pw_teams_overview_class_init (PwTeamsOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_teams_overview_dispose;
  object_class->finalize = pw_teams_overview_finalize;

  /**
   * PwTeamsOverview::team-activated:
   * @team_id: (nullable): the id of the team of the row, or %NULL for the
   *   whole organization
   *
   * Emitted when a row is activated: Enter or a double click.
   */
  signals[TEAM_ACTIVATED] =
    g_signal_new ("team-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pw_teams_overview_init (PwTeamsOverview *self)
{
  g_autoptr(PwOverviewRow) organization = pw_overview_row_new (NULL);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  GtkFlattenListModel *all;
  GtkWidget *box, *scrolled;

  self->cells = g_hash_table_new (NULL, NULL);
  self->dimension_columns = g_ptr_array_new ();
  self->organization = g_list_store_new (PW_TYPE_OVERVIEW_ROW);
  g_list_store_append (self->organization, organization);
  self->team_rows = g_list_store_new (PW_TYPE_OVERVIEW_ROW);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_reorderable (self->view, FALSE);
  /* Columns as wide as their text, scrolled sideways when the window is narrower */
  gtk_scrollable_set_hscroll_policy (GTK_SCROLLABLE (self->view), GTK_SCROLL_NATURAL);
  /* Translators: the teams overview's table, for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teams overview"),
                                  -1);
  /* Translators: column headers of the teams overview */
  gtk_column_view_column_set_expand (add_column (self, COL_TEAM, 0, C_("teams overview", "Team")),
                                     TRUE);
  add_column (self, COL_KIND, 0, C_("teams overview", "Kind"));
  add_column (self, COL_ASSESSED, 0, C_("teams overview", "Assessed"));
  add_column (self, COL_OVERALL, 0, C_("teams overview", "Overall"));

  /* The organization on top, the teams below it sorted */
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->team_rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  g_list_store_append (parts, self->organization);
  g_list_store_append (parts, self->sorted);
  g_object_unref (self->sorted);
  all = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (all));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->view, "activate", G_CALLBACK (view_activate_cb), self, 0);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->summary), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->summary), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "pw-weakest");
  gtk_widget_set_visible (GTK_WIDGET (self->summary), FALSE);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_bin_set_child (ADW_BIN (self), box);
}

/**
 * pw_teams_overview_new:
 *
 * Returns: (transfer floating): an overview without a workbook
 */
GtkWidget *
pw_teams_overview_new (void)
{
  return g_object_new (PW_TYPE_TEAMS_OVERVIEW, NULL);
}

/**
 * pw_teams_overview_set_workbook:
 * @workbook: (nullable): the workbook whose teams to show
 */
void
pw_teams_overview_set_workbook (PwTeamsOverview *self,
                                PwWorkbook      *workbook)
{
  GListModel *teams;

  g_return_if_fail (PW_IS_TEAMS_OVERVIEW (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;

  disconnect_workbook (self);
  g_list_store_remove_all (self->team_rows);
  if (workbook == NULL)
    {
      set_dimension_columns (self);
      update_summary (self);
      return;
    }

  self->workbook = g_object_ref (workbook);
  self->map = g_object_ref (pw_workbook_get_org_map (workbook));
  set_dimension_columns (self);

  teams = pw_org_map_get_teams (self->map);
  g_signal_connect_object (teams, "items-changed", G_CALLBACK (teams_changed_cb), self, 0);
  g_signal_connect_object (workbook, "changed", G_CALLBACK (workbook_changed_cb), self, 0);
  teams_changed_cb (teams, 0, 0, g_list_model_get_n_items (teams), self);
  pw_teams_overview_refresh (self);
}

/**
 * pw_teams_overview_get_n_rows:
 *
 * Returns: the rows of the table: the whole organization's and one per team
 */
guint
pw_teams_overview_get_n_rows (PwTeamsOverview *self)
{
  g_return_val_if_fail (PW_IS_TEAMS_OVERVIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

static PwOverviewRow *
find_row_by_id (PwTeamsOverview *self,
                const char      *team_id)
{
  g_autoptr(PwOverviewRow) organization = NULL;

  if (team_id == NULL)
    {
      organization = g_list_model_get_item (G_LIST_MODEL (self->organization), 0);
      return organization;
    }

  if (self->map == NULL)
    return NULL;

  return find_row (self, pw_org_map_find_team (self->map, team_id));
}

/**
 * pw_teams_overview_get_phase:
 * @team_id: (nullable): a team's id, or %NULL for the whole organization
 * @dimension: the index of a dimension of the framework, or -1 for the
 *   overall phase
 *
 * Returns: the phase the table shows, 0 for none or for a team not in it
 */
int
pw_teams_overview_get_phase (PwTeamsOverview *self,
                             const char      *team_id,
                             int              dimension)
{
  PwOverviewRow *row;

  g_return_val_if_fail (PW_IS_TEAMS_OVERVIEW (self), 0);
  g_return_val_if_fail (dimension >= -1, 0);

  row = find_row_by_id (self, team_id);
  return row != NULL ? row_get_phase (row, dimension) : 0;
}

/**
 * pw_teams_overview_get_stale:
 * @team_id: (nullable): a team's id, or %NULL for the whole organization
 *
 * Returns: whether the table marks the latest assessment of @team_id as
 *   older than 12 months
 */
gboolean
pw_teams_overview_get_stale (PwTeamsOverview *self,
                             const char      *team_id)
{
  PwOverviewRow *row;

  g_return_val_if_fail (PW_IS_TEAMS_OVERVIEW (self), FALSE);

  row = find_row_by_id (self, team_id);
  return row != NULL && row->stale;
}

/**
 * pw_teams_overview_get_summary:
 *
 * Returns: (nullable): the line above the table that names the weakest
 *   dimension across the teams, or %NULL when no team is assessed
 */
const char *
pw_teams_overview_get_summary (PwTeamsOverview *self)
{
  g_return_val_if_fail (PW_IS_TEAMS_OVERVIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->summary)))
    return NULL;

  return gtk_label_get_label (self->summary);
}

/**
 * pw_teams_overview_refresh:
 *
 * Takes every row's phases again from the latest assessments: call it after
 * the assessments changed (the overview also does at the next idle after the
 * workbook changed).
 */
void
pw_teams_overview_refresh (PwTeamsOverview *self)
{
  g_autoptr(PwOverviewRow) organization = NULL;
  GDate today;
  guint n;

  g_return_if_fail (PW_IS_TEAMS_OVERVIEW (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->workbook == NULL)
    return;

  _pw_date_init_today (&today);
  organization = g_list_model_get_item (G_LIST_MODEL (self->organization), 0);
  row_update (organization, self->workbook, &today);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->team_rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwOverviewRow) row = g_list_model_get_item (G_LIST_MODEL (self->team_rows), i);

      row_update (row, self->workbook, &today);
    }

  update_cells (self, NULL);
  update_summary (self);
  columns_changed (self);
}
