/* pw-team-list.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-team-list"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-phase-cell.h"
#include "pw-team-list.h"
#include "pw-utils-private.h"

/**
 * PwTeamList:
 *
 * The teams of a workbook's organization map as a table: name, kind,
 * function, region, hub and the phase of the latest assessment.  Any column
 * sorts by a click on its header (teams without a phase last), several rows
 * can be selected, and a team's name is edited in place (F2, Enter or a
 * double click).  The table follows the map as it changes; the phases
 * follow the assessments at the next idle, or at once with
 * pw_team_list_refresh_states().
 *
 * Without teams it explains how to add some.
 */

typedef enum
{
  COL_NAME,
  COL_KIND,
  COL_FUNCTION,
  COL_REGION,
  COL_HUB,
  COL_PHASE,
  N_COLUMNS
} Column;

/* A team's name, edited in place: a label, and an entry while editing.  Not
 * a GtkEditableLabel: in GTK 4.8 one that loses the focus finishes from a
 * main loop source that does not hold it, so a table destroyed right after
 * (a closed window) leaves that source reading a freed event controller;
 * the tests trip over it as a critical in gtk_event_controller_get_widget. */

#define PW_TYPE_NAME_CELL (pw_name_cell_get_type ())

G_DECLARE_FINAL_TYPE (PwNameCell, pw_name_cell, PW, NAME_CELL, GtkWidget)

struct _PwNameCell
{
  GtkWidget  parent_instance;

  GtkWidget *stack;
  GtkWidget *label;
  GtkWidget *entry;
  PwTeam    *team;     /* borrowed, while bound */
  gboolean   editing;
};

G_DEFINE_FINAL_TYPE (PwNameCell, pw_name_cell, GTK_TYPE_WIDGET)

static void
pw_name_cell_set_team (PwNameCell *self,
                       PwTeam     *team)
{
  self->team = team;
  gtk_label_set_label (GTK_LABEL (self->label), team != NULL ? pw_team_get_name (team) : "");
}

static void
pw_name_cell_start_editing (PwNameCell *self)
{
  if (self->team == NULL || self->editing)
    return;

  self->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), pw_team_get_name (self->team));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->entry);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

/* Takes the name typed when @commit, unless it is empty: a team keeps a
 * name */
static void
pw_name_cell_stop_editing (PwNameCell *self,
                           gboolean    commit)
{
  GtkRoot *root;
  GtkWidget *focus;
  gboolean had_focus;

  if (!self->editing)
    return;

  self->editing = FALSE;
  if (commit && self->team != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
      g_autofree char *name = g_strstrip (g_strdup (text));

      if (*name != '\0' && g_strcmp0 (name, pw_team_get_name (self->team)) != 0)
        pw_team_set_name (self->team, name);
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  had_focus = focus != NULL
              && (focus == self->entry || gtk_widget_is_ancestor (focus, self->entry));
  pw_name_cell_set_team (self, self->team);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->label);

  /* The focus back on the row, for the arrow keys */
  if (had_focus)
    for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self)); w != NULL;
         w = gtk_widget_get_parent (w))
      if (gtk_widget_get_focusable (w) && gtk_widget_grab_focus (w))
        break;
}

static void
name_entry_activate_cb (GtkEntry   *entry,
                        PwNameCell *self)
{
  pw_name_cell_stop_editing (self, TRUE);
}

static void
name_entry_leave_cb (GtkEventControllerFocus *controller,
                     PwNameCell              *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pw_name_cell_stop_editing (self, TRUE);
}

static void
name_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pw_name_cell_stop_editing (PW_NAME_CELL (widget), FALSE);
}

static void
pw_name_cell_dispose (GObject *object)
{
  PwNameCell *self = PW_NAME_CELL (object);

  self->editing = FALSE;
  self->team = NULL;
  g_clear_pointer (&self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (pw_name_cell_parent_class)->dispose (object);
}

static void
pw_name_cell_class_init (PwNameCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_name_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "namecell");
  gtk_widget_class_install_action (widget_class, "name-cell.cancel", NULL, name_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "name-cell.cancel", NULL);
}

static void
pw_name_cell_init (PwNameCell *self)
{
  GtkEventController *focus;

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->label, "pw-team-name");
  /* Translators: how to rename a team in the team list, for screen readers */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Press F2 or Enter to rename"),
                                  -1);

  self->entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team name"),
                                  -1);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (name_entry_activate_cb), self, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (name_entry_leave_cb), self, 0);
  gtk_widget_add_controller (self->entry, focus);

  self->stack = gtk_stack_new ();
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_child (GTK_STACK (self->stack), self->label);
  gtk_stack_add_child (GTK_STACK (self->stack), self->entry);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->label);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}

/* The list */

struct _PwTeamList
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkColumnView       *view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  GtkSortListModel    *sorted;
  GtkMultiSelection   *selection;

  PwWorkbook          *workbook;
  PwOrgMap            *map;
  GPtrArray           *watched;    /* PwTeam, in the map's order, their notify connected */
  GHashTable          *states;     /* team id → phase + 1, + STALE; none: unassessed */
  GHashTable          *cells;      /* set of the bound cell widgets */

  guint                refresh_id;
  gboolean             selecting;
};

#define STATE_STALE 0x100

enum
{
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PwTeamList, pw_team_list, ADW_TYPE_BIN)

static PwTeam *
cell_get_team (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), "pw-team");
}

static Column
cell_get_column (GtkWidget *cell)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "pw-column"));
}

static int
get_state (PwTeamList *self,
           PwTeam     *team,
           gboolean   *stale)
{
  int state = GPOINTER_TO_INT (g_hash_table_lookup (self->states, pw_team_get_id (team)));

  if (stale != NULL)
    *stale = (state & STATE_STALE) != 0;
  if (state == 0)
    return 0;

  return (state & 0xff) - 1;
}

static const char *
get_kind_label (PwTeam *team)
{
  if (pw_team_get_kind (team) == PW_TEAM_HUB)
    /* Translators: the kind of a team in the team list */
    return C_("team kind", "Hub");

  /* Translators: the kind of a team in the team list */
  return C_("team kind", "Spoke");
}

static const char *
get_hub_name (PwTeamList *self,
              PwTeam     *team)
{
  PwTeam *hub;

  if (self->map == NULL)
    return "";

  hub = pw_org_map_get_hub_of (self->map, team);
  return hub != NULL ? pw_team_get_name (hub) : "";
}

static void
update_cell (PwTeamList *self,
             GtkWidget  *cell)
{
  PwTeam *team = cell_get_team (cell);
  const char *text = NULL;

  if (team == NULL)
    return;

  switch (cell_get_column (cell))
    {
    case COL_NAME:
      if (!PW_NAME_CELL (cell)->editing)
        pw_name_cell_set_team (PW_NAME_CELL (cell), team);
      return;

    case COL_KIND:
      text = get_kind_label (team);
      break;

    case COL_FUNCTION:
      text = pw_team_get_function (team);
      break;

    case COL_REGION:
      text = pw_team_get_region (team);
      break;

    case COL_HUB:
      text = get_hub_name (self, team);
      break;

    case COL_PHASE:
      {
        gboolean stale;
        int phase = get_state (self, team, &stale);

        pw_phase_cell_set_framework (PW_PHASE_CELL (cell),
                                     self->workbook != NULL
                                     ? pw_workbook_get_framework (self->workbook) : NULL);
        pw_phase_cell_set_phase (PW_PHASE_CELL (cell), phase, stale);
      }
      return;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (GTK_LABEL (cell), text != NULL ? text : "");
}

/* Every bound cell of @column, or of every column with -1; of @team, or of
 * every team with NULL */
static void
update_cells (PwTeamList *self,
              PwTeam     *team,
              int         column)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      if (team != NULL && cell_get_team (cell) != team)
        continue;
      if (column >= 0 && (int) cell_get_column (cell) != column)
        continue;
      update_cell (self, cell);
    }
}

static void
column_changed (PwTeamList *self,
                Column      column)
{
  GtkSorter *sorter = gtk_column_view_column_get_sorter (self->columns[column]);

  if (sorter != NULL)
    gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/* Sorting */

static int
compare_strings (const char *a,
                 const char *b)
{
  return g_utf8_collate (a != NULL ? a : "", b != NULL ? b : "");
}

static GtkOrdering
to_ordering (int result)
{
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER
                                                        : GTK_ORDERING_EQUAL;
}

static int
compare_teams (PwTeamList *self,
               Column      column,
               PwTeam     *a,
               PwTeam     *b)
{
  switch (column)
    {
    case COL_NAME:
      return compare_strings (pw_team_get_name (a), pw_team_get_name (b));

    case COL_KIND:
      return (int) pw_team_get_kind (a) - (int) pw_team_get_kind (b);

    case COL_FUNCTION:
      return compare_strings (pw_team_get_function (a), pw_team_get_function (b));

    case COL_REGION:
      return compare_strings (pw_team_get_region (a), pw_team_get_region (b));

    case COL_HUB:
      return compare_strings (get_hub_name (self, a), get_hub_name (self, b));

    case COL_PHASE:
      return _pw_phase_compare (get_state (self, a, NULL), get_state (self, b, NULL),
                                _pw_sort_is_descending (self->columns[COL_PHASE]));

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static GtkOrdering
compare_column (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  PwTeamList *self = g_object_get_data (G_OBJECT (column), "pw-team-list");
  Column kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "pw-column"));
  GtkOrdering result;
  int order;

  if (_pw_sort_probe (a, b, column, &result))
    return result;

  order = compare_teams (self, kind, PW_TEAM ((gpointer) a), PW_TEAM ((gpointer) b));
  /* Equal ones by name, in either order */
  if (order == 0 && kind != COL_NAME)
    {
      order = compare_teams (self, COL_NAME, PW_TEAM ((gpointer) a), PW_TEAM ((gpointer) b));
      if (_pw_sort_is_descending (column))
        order = -order;
    }

  return to_ordering (order);
}

/* Editing a name in place */

static PwNameCell *
find_name_cell (PwTeamList *self,
                GtkWidget  *root)
{
  if (PW_IS_NAME_CELL (root) && g_hash_table_contains (self->cells, root))
    return PW_NAME_CELL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PwNameCell *found = find_name_cell (self, child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static PwNameCell *
find_name_cell_of (PwTeamList *self,
                   PwTeam     *team)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    if (cell_get_team (cell) == team && cell_get_column (cell) == COL_NAME)
      return cell;

  return NULL;
}

static void
start_editing (PwNameCell *cell)
{
  if (cell != NULL)
    pw_name_cell_start_editing (cell);
}

static void
view_activate_cb (GtkColumnView *view,
                  guint          position,
                  PwTeamList    *self)
{
  g_autoptr(PwTeam) team = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (team != NULL)
    start_editing (find_name_cell_of (self, team));
}

/* F2: the name of the row that has the focus, else of the one selected team */
static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwTeamList *self = PW_TEAM_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr(GPtrArray) selected = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view)))
    for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->view);
         w = gtk_widget_get_parent (w))
      {
        PwNameCell *label = find_name_cell (self, w);

        if (label != NULL)
          {
            start_editing (label);
            return;
          }
      }

  selected = pw_team_list_get_selected (self);
  if (selected->len == 1)
    start_editing (find_name_cell_of (self, g_ptr_array_index (selected, 0)));
}

/* The factories */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PwTeamList               *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "pw-column"));
  GtkWidget *cell;

  switch (column)
    {
    case COL_NAME:
      cell = g_object_new (PW_TYPE_NAME_CELL, NULL);
      break;

    case COL_PHASE:
      cell = pw_phase_cell_new ();
      break;

    case COL_KIND:
    case COL_FUNCTION:
    case COL_REGION:
    case COL_HUB:
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  g_object_set_data (G_OBJECT (cell), "pw-column", GINT_TO_POINTER (column));
  gtk_list_item_set_child (item, cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         PwTeamList               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (self->cells == NULL)
    return;

  g_object_set_data (G_OBJECT (cell), "pw-team", gtk_list_item_get_item (item));
  g_hash_table_add (self->cells, cell);
  update_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PwTeamList               *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (self->cells != NULL)
    g_hash_table_remove (self->cells, cell);
  g_object_set_data (G_OBJECT (cell), "pw-team", NULL);
  if (PW_IS_NAME_CELL (cell))
    {
      pw_name_cell_stop_editing (PW_NAME_CELL (cell), FALSE);
      pw_name_cell_set_team (PW_NAME_CELL (cell), NULL);
    }
}

static void
add_column (PwTeamList *self,
            Column      column,
            const char *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_object_set_data (G_OBJECT (factory), "pw-column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  g_object_set_data (G_OBJECT (view_column), "pw-team-list", self);
  g_object_set_data (G_OBJECT (view_column), "pw-column", GINT_TO_POINTER (column));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_column, view_column, NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);

  self->columns[column] = view_column;
  gtk_column_view_append_column (self->view, view_column);
}

/* Following the workbook */

static void
update_page (PwTeamList *self)
{
  gboolean empty = self->map == NULL
                   || g_list_model_get_n_items (pw_org_map_get_teams (self->map)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "teams");
}

static void
team_notify_cb (PwTeam     *team,
                GParamSpec *pspec,
                PwTeamList *self)
{
  const char *name = g_param_spec_get_name (pspec);

  update_cells (self, team, -1);

  if (g_str_equal (name, "name"))
    column_changed (self, COL_NAME);
  else if (g_str_equal (name, "kind"))
    column_changed (self, COL_KIND);
  else if (g_str_equal (name, "function"))
    column_changed (self, COL_FUNCTION);
  else if (g_str_equal (name, "region"))
    column_changed (self, COL_REGION);
  else
    return;

  /* A hub's name or a team's kind: the hubs of the spokes */
  if (g_str_equal (name, "name") || g_str_equal (name, "kind"))
    {
      update_cells (self, NULL, COL_HUB);
      column_changed (self, COL_HUB);
    }
  /* Phases tie by name */
  if (g_str_equal (name, "name"))
    column_changed (self, COL_PHASE);
}

static void
unwatch_teams (PwTeamList *self,
               guint       position,
               guint       n)
{
  for (guint i = position; i < position + n; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          team_notify_cb, self);
  g_ptr_array_remove_range (self->watched, position, n);
}

static void
teams_changed_cb (GListModel *teams,
                  guint       position,
                  guint       removed,
                  guint       added,
                  PwTeamList *self)
{
  unwatch_teams (self, position, removed);
  for (guint i = 0; i < added; i++)
    {
      PwTeam *team = g_list_model_get_item (teams, position + i);

      g_signal_connect_object (team, "notify", G_CALLBACK (team_notify_cb), self, 0);
      g_ptr_array_insert (self->watched, position + i, team);
    }

  /* New teams may be spokes of a hub, or hubs themselves */
  update_cells (self, NULL, COL_HUB);
  update_page (self);
}

static void
links_changed_cb (GListModel *links,
                  guint       position,
                  guint       removed,
                  guint       added,
                  PwTeamList *self)
{
  update_cells (self, NULL, COL_HUB);
  column_changed (self, COL_HUB);
}

static void
refresh_idle_cb (gpointer user_data)
{
  PwTeamList *self = user_data;

  self->refresh_id = 0;
  pw_team_list_refresh_states (self);
}

static void
workbook_changed_cb (PwWorkbook *workbook,
                     PwTeamList *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_once (refresh_idle_cb, self);
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      PwTeamList        *self)
{
  if (!self->selecting)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
disconnect_workbook (PwTeamList *self)
{
  if (self->map != NULL)
    {
      g_signal_handlers_disconnect_by_data (pw_org_map_get_teams (self->map), self);
      g_signal_handlers_disconnect_by_data (pw_org_map_get_links (self->map), self);
      unwatch_teams (self, 0, self->watched->len);
    }
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);

  g_clear_object (&self->map);
  g_clear_object (&self->workbook);
}

static void
pw_team_list_dispose (GObject *object)
{
  PwTeamList *self = PW_TEAM_LIST (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  if (self->watched != NULL)
    disconnect_workbook (self);
  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_team_list_parent_class)->dispose (object);
}

static void
pw_team_list_finalize (GObject *object)
{
  PwTeamList *self = PW_TEAM_LIST (object);

  g_clear_object (&self->selection);
  g_clear_pointer (&self->states, g_hash_table_unref);

  G_OBJECT_CLASS (pw_team_list_parent_class)->finalize (object);
}

static void
pw_team_list_class_init (PwTeamListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_team_list_dispose;
  object_class->finalize = pw_team_list_finalize;

  /**
   * PwTeamList::selection-changed:
   *
   * Emitted when the user selects other teams; not when
   * pw_team_list_select_teams() does.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * PwTeamList|team-list.rename:
   *
   * Edits the name of the team in the row that has the focus (F2).
   */
  gtk_widget_class_install_action (widget_class, "team-list.rename", NULL, rename_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "team-list.rename", NULL);
}

static void
pw_team_list_init (PwTeamList *self)
{
  GtkWidget *status, *scrolled;

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cells = g_hash_table_new (NULL, NULL);

  self->sorted = gtk_sort_list_model_new (NULL, NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, 0);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_reorderable (self->view, FALSE);
  /* Columns as wide as their text, scrolled sideways when the window is narrower */
  gtk_scrollable_set_hscroll_policy (GTK_SCROLLABLE (self->view), GTK_SCROLL_NATURAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teams"),
                                  -1);
  /* Translators: column headers of the team list */
  /* The phase beside the name: in view also when the window is narrow */
  add_column (self, COL_NAME, C_("team list", "Name"));
  add_column (self, COL_PHASE, C_("team list", "Phase"));
  add_column (self, COL_KIND, C_("team list", "Kind"));
  add_column (self, COL_HUB, C_("team list", "Hub"));
  add_column (self, COL_FUNCTION, C_("team list", "Function"));
  add_column (self, COL_REGION, C_("team list", "Region"));
  gtk_column_view_column_set_expand (self->columns[COL_NAME], TRUE);

  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->view));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->view, "activate", G_CALLBACK (view_activate_cb), self, 0);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Teams Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Add the hub and the spokes of your organization with "
                                     "Add Hub and Add Spoke in the toolbar, or import them "
                                     "from a CSV file."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "teams");
  gtk_stack_add_named (self->stack, status, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  update_page (self);
}

/**
 * pw_team_list_new:
 *
 * Returns: (transfer floating): a team list without a workbook
 */
GtkWidget *
pw_team_list_new (void)
{
  return g_object_new (PW_TYPE_TEAM_LIST, NULL);
}

/**
 * pw_team_list_set_workbook:
 * @workbook: (nullable): the workbook whose teams to list
 */
void
pw_team_list_set_workbook (PwTeamList *self,
                           PwWorkbook *workbook)
{
  GListModel *teams = NULL;

  g_return_if_fail (PW_IS_TEAM_LIST (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;

  disconnect_workbook (self);
  g_hash_table_remove_all (self->states);

  if (workbook != NULL)
    {
      self->workbook = g_object_ref (workbook);
      self->map = g_object_ref (pw_workbook_get_org_map (workbook));
      teams = pw_org_map_get_teams (self->map);

      g_signal_connect_object (teams, "items-changed", G_CALLBACK (teams_changed_cb), self, 0);
      g_signal_connect_object (pw_org_map_get_links (self->map), "items-changed",
                               G_CALLBACK (links_changed_cb), self, 0);
      g_signal_connect_object (workbook, "changed", G_CALLBACK (workbook_changed_cb), self, 0);
      teams_changed_cb (teams, 0, 0, g_list_model_get_n_items (teams), self);
      pw_team_list_refresh_states (self);
    }

  self->selecting = TRUE;
  gtk_sort_list_model_set_model (self->sorted, teams);
  self->selecting = FALSE;
  update_page (self);
}

/**
 * pw_team_list_get_selected:
 *
 * Returns: (transfer container) (element-type PwTeam): the selected teams,
 *   in the order of the table; the array holds references
 */
GPtrArray *
pw_team_list_get_selected (PwTeamList *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GPtrArray *teams;
  guint position;

  g_return_val_if_fail (PW_IS_TEAM_LIST (self), NULL);

  teams = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (teams, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return teams;
}

/**
 * pw_team_list_select_teams:
 * @teams: (array length=n_teams): the teams to select; others are unselected
 *
 * Selects @teams without emitting #PwTeamList::selection-changed.
 */
void
pw_team_list_select_teams (PwTeamList     *self,
                           PwTeam * const *teams,
                           guint           n_teams)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n;

  g_return_if_fail (PW_IS_TEAM_LIST (self));
  g_return_if_fail (teams != NULL || n_teams == 0);

  for (guint i = 0; i < n_teams; i++)
    g_hash_table_add (wanted, teams[i]);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (model, i);

      if (g_hash_table_contains (wanted, team))
        gtk_bitset_add (selected, i);
    }

  mask = gtk_bitset_new_range (0, n);
  self->selecting = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
  self->selecting = FALSE;
}

/**
 * pw_team_list_refresh_states:
 *
 * Takes each team's phase again from its latest assessment: call it after
 * the assessments changed (the list also does at the next idle after the
 * workbook changed).
 */
void
pw_team_list_refresh_states (PwTeamList *self)
{
  PwFramework *framework;
  PwPolicy *policy;
  GDate today;

  g_return_if_fail (PW_IS_TEAM_LIST (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_hash_table_remove_all (self->states);
  if (self->workbook == NULL)
    return;

  framework = pw_workbook_get_framework (self->workbook);
  policy = pw_workbook_get_policy (self->workbook);
  _pw_date_init_today (&today);

  for (guint i = 0; i < self->watched->len; i++)
    {
      PwTeam *team = g_ptr_array_index (self->watched, i);
      const char *id = pw_team_get_id (team);
      PwAssessment *latest = pw_workbook_find_latest_assessment (self->workbook, id);
      g_autoptr(PwScore) score = NULL;
      int state;

      if (latest == NULL)
        continue;

      score = pw_score_compute (framework, latest, policy);
      state = (score->has_score ? score->phase : 0) + 1;
      if (pw_assessment_is_stale (latest, &today))
        state |= STATE_STALE;
      g_hash_table_insert (self->states, g_strdup (id), GINT_TO_POINTER (state));
    }

  update_cells (self, NULL, COL_PHASE);
  column_changed (self, COL_PHASE);
}

/**
 * _pw_team_list_get_view:
 *
 * Returns: (transfer none): the column view, for tests
 */
GtkColumnView *
_pw_team_list_get_view (PwTeamList *self)
{
  g_return_val_if_fail (PW_IS_TEAM_LIST (self), NULL);

  return self->view;
}
