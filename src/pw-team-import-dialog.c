/* pw-team-import-dialog.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-team-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-team-import-dialog.h"

/**
 * PwTeamImportDialog:
 *
 * What an import of teams from a CSV file will do, before it does it: the
 * file, how many teams will be added and how many rows cannot be read, the
 * teams one by one with the line each comes from, and every row that cannot
 * be read with what is wrong with it.  Nothing changes on the map until the
 * user presses Import (pw_team_import_dialog_apply()); Cancel and Escape
 * close the dialog and leave the map as it was.
 *
 * The teams are shown in a #GtkColumnView over a model, so that a file of
 * 10,000 rows opens as quickly as one of ten.
 *
 * pw_team_import_dialog_run() is the whole flow for a page: it asks for
 * the file, reads it, shows the dialog, or tells what went wrong.
 */

/* ------------------------------------------------------------------------
 * A row of the list of teams: its index in the import
 */

#define PW_TYPE_TEAM_IMPORT_ROW (pw_team_import_row_get_type ())

G_DECLARE_FINAL_TYPE (PwTeamImportRow, pw_team_import_row, PW, TEAM_IMPORT_ROW, GObject)

struct _PwTeamImportRow
{
  GObject parent_instance;

  guint   index;
};

G_DEFINE_FINAL_TYPE (PwTeamImportRow, pw_team_import_row, G_TYPE_OBJECT)

static void
pw_team_import_row_class_init (PwTeamImportRowClass *klass)
{
}

static void
pw_team_import_row_init (PwTeamImportRow *self)
{
}

/* ------------------------------------------------------------------------
 * The dialog
 */

typedef enum
{
  COLUMN_LINE,
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_FUNCTION,
  COLUMN_REGION,
  COLUMN_HUB,
  N_COLUMNS
} Column;

struct _PwTeamImportDialog
{
  AdwWindow      parent_instance;

  PwWorkbook    *workbook;
  PwTeamImport  *import;
  char          *file_name;

  GtkWidget     *cancel_button;
  GtkWidget     *import_button;
  GtkWidget     *file_label;
  GtkWidget     *summary_label;
  GtkWidget     *teams_section;
  GtkWidget     *teams_view;
  GtkWidget     *problems_section;
  GtkWidget     *problems_scrolled;
  GtkWidget     *problems_view;

  gboolean       applied;
};

G_DEFINE_FINAL_TYPE (PwTeamImportDialog, pw_team_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* What an empty cell shows */
#define NONE_TEXT "—"

static const char *
kind_label (PwTeamKind kind)
{
  switch (kind)
    {
    case PW_TEAM_HUB:
      return _("Hub");
    case PW_TEAM_SPOKE:
      return _("Spoke");
    default:
      g_assert_not_reached ();
    }
}

static const char *
or_none (const char *text)
{
  return text != NULL && *text != '\0' ? text : NONE_TEXT;
}

/* The problems that count rows one by one, and whether the last one counts
 * the rest instead (line 0) */
static guint
count_problem_rows (PwTeamImport *import,
                    gboolean     *more)
{
  guint n = pw_team_import_get_n_problems (import);
  guint line = 1;

  if (n > 0)
    pw_team_import_get_problem (import, n - 1, &line);
  *more = n > 0 && line == 0;

  return *more ? n - 1 : n;
}

static char *
format_summary (PwTeamImport *import)
{
  guint n_teams = pw_team_import_get_n_teams (import);
  gboolean more;
  guint n_bad = count_problem_rows (import, &more);
  g_autofree char *teams = NULL;
  g_autofree char *bad = NULL;

  if (n_teams == 0 && n_bad == 0 && !more)
    /* Translators: the summary of a team import file with only its first line */
    return g_strdup (_("No teams will be added: the file has no rows below its first line"));

  if (n_teams == 0)
    /* Translators: the summary of a team import, before the number of
     * rows that cannot be read */
    teams = g_strdup (_("No teams will be added"));
  else
    /* Translators: the summary of a team import */
    teams = g_strdup_printf (ngettext ("%u team will be added", "%u teams will be added",
                                       n_teams), n_teams);

  if (n_bad == 0 && !more)
    return g_steal_pointer (&teams);

  if (more)
    /* Translators: the summary of a team import: the file has too many bad
     * rows to list them all, %u is the number listed */
    bad = g_strdup_printf (ngettext ("more than %u row cannot be read",
                                     "more than %u rows cannot be read", n_bad), n_bad);
  else
    /* Translators: the summary of a team import */
    bad = g_strdup_printf (ngettext ("%u row cannot be read", "%u rows cannot be read", n_bad),
                           n_bad);

  /* Translators: the summary of a team import: how many teams will be
   * added, then how many rows cannot be read (“12 teams will be added, 2
   * rows cannot be read”) */
  return g_strdup_printf (_("%s, %s"), teams, bad);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  pw_team_import_dialog_apply (PW_TEAM_IMPORT_DIALOG (widget));
}

/* ------------------------------------------------------------------------
 * The list of teams
 */

static void
setup_team_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), column == COLUMN_LINE ? 3 : 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription),
                                 column == COLUMN_LINE ? 3
                                 : column == COLUMN_KIND ? 5
                                 : column == COLUMN_NAME ? 16 : 12);
  if (column == COLUMN_LINE)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
      gtk_widget_add_css_class (inscription, "dim-label");
    }
  gtk_list_item_set_child (item, inscription);
}

static void
bind_team_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  PwTeamImportDialog *self = g_object_get_data (G_OBJECT (factory), "pw-dialog");
  PwTeamImportRow *row = gtk_list_item_get_item (item);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  PwTeam *team = pw_team_import_get_team (self->import, row->index);
  g_autofree char *line = NULL;
  const char *text = NULL;

  switch (column)
    {
    case COLUMN_LINE:
      line = g_strdup_printf ("%u", pw_team_import_get_team_line (self->import, row->index));
      text = line;
      break;
    case COLUMN_NAME:
      text = pw_team_get_name (team);
      break;
    case COLUMN_KIND:
      text = kind_label (pw_team_get_kind (team));
      break;
    case COLUMN_FUNCTION:
      text = or_none (pw_team_get_function (team));
      break;
    case COLUMN_REGION:
      text = or_none (pw_team_get_region (team));
      break;
    case COLUMN_HUB:
      text = or_none (pw_team_import_get_parent (self->import, row->index));
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (inscription, text);
  /* a long name, function or region ellipsized: whole in the tooltip */
  gtk_widget_set_tooltip_text (GTK_WIDGET (inscription),
                               column == COLUMN_LINE || column == COLUMN_KIND ? NULL : text);
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COLUMN_LINE:
      /* Translators: a column of the teams a CSV file will add: the line
       * of the file each comes from */
      return C_("team import column", "Line");
    case COLUMN_NAME:
      /* Translators: a column of the teams a CSV file will add */
      return C_("team import column", "Name");
    case COLUMN_KIND:
      /* Translators: a column of the teams a CSV file will add: hub or spoke */
      return C_("team import column", "Kind");
    case COLUMN_FUNCTION:
      /* Translators: a column of the teams a CSV file will add */
      return C_("team import column", "Function");
    case COLUMN_REGION:
      /* Translators: a column of the teams a CSV file will add */
      return C_("team import column", "Region");
    case COLUMN_HUB:
      /* Translators: a column of the teams a CSV file will add: the hub
       * each will be linked to */
      return C_("team import column", "Hub");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_teams_view (PwTeamImportDialog *self)
{
  guint n = pw_team_import_get_n_teams (self->import);
  g_autoptr(GListStore) store = g_list_store_new (PW_TYPE_TEAM_IMPORT_ROW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);
  GtkNoSelection *selection;
  GtkWidget *view;

  for (guint i = 0; i < n; i++)
    {
      PwTeamImportRow *row = g_object_new (PW_TYPE_TEAM_IMPORT_ROW, NULL);

      row->index = i;
      g_ptr_array_add (rows, row);
    }
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&store)));
  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "data-table");
  gtk_widget_add_css_class (view, "pw-import-teams");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Teams to Add"),
                                  -1);

  for (Column c = COLUMN_LINE; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "pw-dialog", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_team_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_team_cell_cb), GINT_TO_POINTER (c));

      column = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* the name takes what room there is: the other columns are short */
      gtk_column_view_column_set_expand (column, c == COLUMN_NAME);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }

  return view;
}

/* ------------------------------------------------------------------------
 * The list of problems
 */

static void
setup_problem_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "pw-import-problem");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  /* Translators: read out before a row of a
                                   * team import file that cannot be read */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cannot be read"),
                                  -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkStringObject *message = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);

  /* the core's messages start with the line already: “Line 7: …” */
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (message));
}

static GtkWidget *
create_problems_view (PwTeamImportDialog *self)
{
  guint n = pw_team_import_get_n_problems (self->import);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_full (n + 1, NULL);
  g_autoptr(GtkStringList) list = NULL;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;
  GtkWidget *view;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (messages, (gpointer) pw_team_import_get_problem (self->import, i, NULL));
  g_ptr_array_add (messages, NULL);
  list = gtk_string_list_new ((const char * const *) messages->pdata);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), NULL);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&list)));
  view = gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory);
  gtk_widget_add_css_class (view, "pw-import-problems");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows That Cannot Be Read"),
                                  -1);

  return view;
}

/* ------------------------------------------------------------------------
 * Building
 */

/* An icon beside a text that says the same: not read out */
static GtkWidget *
presentation_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static GtkWidget *
create_heading (const char *text,
                const char *icon_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  if (icon_name != NULL)
    {
      GtkWidget *icon = presentation_icon_new (icon_name);

      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_scrolled (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (scrolled, "pw-import-list");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);

  return scrolled;
}

static void
update_import_button (PwTeamImportDialog *self)
{
  guint n = pw_team_import_get_n_teams (self->import);
  g_autofree char *label = NULL;

  if (n > 0)
    /* Translators: the button that adds the teams of a CSV file to the map */
    label = g_strdup_printf (ngettext ("_Import %u Team", "_Import %u Teams", n), n);
  else
    label = g_strdup (_("_Import"));
  gtk_button_set_label (GTK_BUTTON (self->import_button), label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n > 0 && !self->applied);
}

static void
build (PwTeamImportDialog *self)
{
  guint n_teams = pw_team_import_get_n_teams (self->import);
  guint n_problems = pw_team_import_get_n_problems (self->import);
  g_autofree char *summary = format_summary (self->import);
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *body;
  GtkWidget *file_box;
  GtkWidget *icon;
  GtkWidget *title;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  header = adw_header_bar_new ();
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (_("Import Teams"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);

  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);

  self->import_button = gtk_button_new ();
  gtk_button_set_use_underline (GTK_BUTTON (self->import_button), TRUE);
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "import.apply");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (box), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (body, "pw-import-body");
  gtk_widget_set_vexpand (body, TRUE);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  gtk_box_append (GTK_BOX (box), body);

  /* The file, and what it will do */
  file_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  icon = presentation_icon_new ("x-office-spreadsheet-symbolic");
  gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (file_box), icon);
  {
    GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

    gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
    self->file_label = gtk_label_new (self->file_name);
    gtk_label_set_xalign (GTK_LABEL (self->file_label), 0.0);
    gtk_label_set_ellipsize (GTK_LABEL (self->file_label), PANGO_ELLIPSIZE_MIDDLE);
    gtk_widget_add_css_class (self->file_label, "title-4");
    gtk_widget_set_visible (self->file_label, self->file_name != NULL);
    gtk_box_append (GTK_BOX (texts), self->file_label);

    self->summary_label = gtk_label_new (summary);
    gtk_label_set_xalign (GTK_LABEL (self->summary_label), 0.0);
    gtk_label_set_wrap (GTK_LABEL (self->summary_label), TRUE);
    gtk_box_append (GTK_BOX (texts), self->summary_label);
    gtk_box_append (GTK_BOX (file_box), texts);
  }
  gtk_box_append (GTK_BOX (body), file_box);

  /* The teams that will be added */
  self->teams_section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_vexpand (self->teams_section, TRUE);
  gtk_box_append (GTK_BOX (self->teams_section), create_heading (_("Teams to Add"), NULL));
  self->teams_view = create_teams_view (self);
  {
    GtkWidget *scrolled = create_scrolled (self->teams_view);

    gtk_widget_set_vexpand (scrolled, TRUE);
    gtk_box_append (GTK_BOX (self->teams_section), scrolled);
  }
  gtk_widget_set_visible (self->teams_section, n_teams > 0);
  gtk_box_append (GTK_BOX (body), self->teams_section);

  /* The rows that will not */
  self->problems_section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (self->problems_section),
                  create_heading (_("Rows That Cannot Be Read"), "dialog-warning-symbolic"));
  self->problems_view = create_problems_view (self);
  self->problems_scrolled = create_scrolled (self->problems_view);
  /* As high as the problems, up to what room there is; beside the teams,
   * a few lines and a scroll bar for more. */
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->problems_scrolled),
                                                    TRUE);
  if (n_teams > 0)
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->problems_scrolled),
                                                130);
  gtk_box_append (GTK_BOX (self->problems_section), self->problems_scrolled);
  gtk_widget_set_visible (self->problems_section, n_problems > 0);
  gtk_box_append (GTK_BOX (body), self->problems_section);

  adw_window_set_content (ADW_WINDOW (self), box);

  update_import_button (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  gtk_window_set_focus (GTK_WINDOW (self),
                        n_teams > 0 ? self->import_button : self->cancel_button);
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
pw_team_import_dialog_dispose (GObject *object)
{
  PwTeamImportDialog *self = (PwTeamImportDialog *)object;

  g_clear_object (&self->workbook);
  g_clear_object (&self->import);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (pw_team_import_dialog_parent_class)->dispose (object);
}

static void
pw_team_import_dialog_class_init (PwTeamImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_team_import_dialog_dispose;

  /**
   * PwTeamImportDialog::imported:
   * @self: the dialog
   * @n_teams: how many teams were added
   *
   * Emitted when the teams of the import are on the map, as one edit, just
   * before the dialog closes.  The teams added are those of
   * pw_team_import_dialog_get_import(), pw_team_import_get_team(); they
   * are the last @n_teams of the map's list of teams.
   */
  signals [IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
pw_team_import_dialog_init (PwTeamImportDialog *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Import Teams"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 520);
  gtk_widget_add_css_class (GTK_WIDGET (self), "pw-team-import-dialog");
}

/**
 * pw_team_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @workbook: the workbook whose map @import was read for
 * @import: the teams read from a file, not applied yet
 * @file_name: (nullable): the file's name as the user knows it (its
 *   display name)
 *
 * Returns: (transfer none): a dialog showing what @import will add, owned
 *   by GTK as every window is; present it
 */
PwTeamImportDialog *
pw_team_import_dialog_new (GtkWindow    *parent,
                           PwWorkbook   *workbook,
                           PwTeamImport *import,
                           const char   *file_name)
{
  PwTeamImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_TEAM_IMPORT (import), NULL);

  self = g_object_new (PW_TYPE_TEAM_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->workbook = g_object_ref (workbook);
  self->import = g_object_ref (import);
  self->file_name = g_strdup (file_name);
  build (self);

  return self;
}

/**
 * pw_team_import_dialog_get_import:
 *
 * Returns: (transfer none): the import the dialog shows
 */
PwTeamImport *
pw_team_import_dialog_get_import (PwTeamImportDialog *self)
{
  g_return_val_if_fail (PW_IS_TEAM_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * pw_team_import_dialog_apply:
 *
 * What Import does: adds the teams to the map as one edit, emits
 * #PwTeamImportDialog::imported with their number, and closes the dialog.
 * When no row can be imported, it only closes the dialog.
 */
void
pw_team_import_dialog_apply (PwTeamImportDialog *self)
{
  g_autoptr(PwTeamImportDialog) hold = NULL;
  guint n;

  g_return_if_fail (PW_IS_TEAM_IMPORT_DIALOG (self));

  if (self->applied || self->import == NULL)
    return;

  hold = g_object_ref (self);
  self->applied = TRUE;
  update_import_button (self);

  n = pw_team_import_get_n_teams (self->import);
  if (n > 0)
    {
      pw_team_import_apply (self->import, self->workbook);
      g_signal_emit (self, signals [IMPORTED], 0, n);
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------
 * The whole flow
 */

typedef struct
{
  GtkWindow        *parent;        /* weak */
  gulong            destroy_id;
  PwWorkbook       *workbook;
  GFile            *file;
  char             *display_name;
  GCancellable     *cancellable;
  PwTeamImportDone  done;
  gpointer          user_data;
} Run;

typedef struct
{
  PwTeamImportDone done;
  gpointer         user_data;
} Done;

static void
run_free (Run *run)
{
  if (run->parent != NULL)
    {
      g_clear_signal_handler (&run->destroy_id, run->parent);
      g_object_remove_weak_pointer (G_OBJECT (run->parent), (gpointer *) &run->parent);
    }
  g_clear_object (&run->workbook);
  g_clear_object (&run->file);
  g_clear_pointer (&run->display_name, g_free);
  g_clear_object (&run->cancellable);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static void
parent_destroy_cb (GtkWidget *parent,
                   Run       *run)
{
  g_cancellable_cancel (run->cancellable);
}

static const char *
run_get_name (Run *run)
{
  if (run->display_name == NULL)
    {
      g_autofree char *basename = g_file_get_basename (run->file);

      run->display_name = g_filename_display_name (basename != NULL ? basename : "");
    }

  return run->display_name;
}

/* Tells the user that nothing could be read from the file, and why. */
static void
show_error (Run          *run,
            const GError *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *first = NULL;
  g_autofree char *body = NULL;

  g_debug ("Cannot import teams from %s: %s", run_get_name (run), error->message);

  /* Translators: the body of the dialog when no team can be read from a
   * CSV file; %s is the file's name.  What is wrong follows below. */
  first = g_strdup_printf (_("No teams could be read from “%s”."), run_get_name (run));
  body = g_strdup_printf ("%s\n\n%s", first, error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (run->parent,
                                                       _("Could Not Import Teams"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (PwTeamImportDialog *dialog,
             guint               n_teams,
             Done               *done)
{
  done->done (n_teams, done->user_data);
}

static void
done_free (gpointer  data,
           GClosure *closure)
{
  g_free (data);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PwTeamImport) import = NULL;
  PwTeamImportDialog *dialog;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && run->parent != NULL)
        show_error (run, error);
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  if (run->parent == NULL)
    return;

  import = pw_team_import_new (pw_workbook_get_org_map (run->workbook), bytes, &error);
  if (import == NULL)
    {
      show_error (run, error);
      return;
    }

  dialog = pw_team_import_dialog_new (run->parent, run->workbook, import, run_get_name (run));
  if (run->done != NULL)
    {
      Done *done = g_new0 (Done, 1);

      done->done = run->done;
      done->user_data = run->user_data;
      g_signal_connect_data (dialog, "imported", G_CALLBACK (imported_cb), done, done_free, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
query_info_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GFile *file = G_FILE (object);
  GCancellable *cancellable;

  info = g_file_query_info_finish (file, result, &error);
  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && run->parent != NULL)
        show_error (run, error);
      return;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    {
      g_free (run->display_name);
      run->display_name = g_strdup (g_file_info_get_display_name (info));
    }

  /* A file too large is not read into memory at all; the import checks
   * the length again, for a file that grew meanwhile. */
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE)
      && g_file_info_get_size (info) > PW_TEAM_IMPORT_MAX_BYTES)
    {
      g_autoptr(GError) too_large = NULL;

      if (run->parent == NULL)
        return;
      too_large = g_error_new (PW_ERROR, PW_ERROR_TOO_LARGE,
                               /* Translators: a team import file that is too large */
                               _("The file is larger than %d MB: split it into several files"),
                               PW_TEAM_IMPORT_MAX_MIB);
      show_error (run, too_large);
      return;
    }

  cancellable = run->cancellable;
  g_file_load_contents_async (file, cancellable, load_cb, g_steal_pointer (&run));
}

static Run *
run_new (GtkWindow        *parent,
         PwWorkbook       *workbook,
         PwTeamImportDone  done,
         gpointer          user_data)
{
  Run *run = g_new0 (Run, 1);

  run->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &run->parent);
  run->destroy_id = g_signal_connect (parent, "destroy", G_CALLBACK (parent_destroy_cb), run);
  run->workbook = g_object_ref (workbook);
  run->cancellable = g_cancellable_new ();
  run->done = done;
  run->user_data = user_data;

  return run;
}

/* Takes @run and reads @file for it. */
static void
run_read (Run   *run,
          GFile *file)
{
  run->file = g_object_ref (file);
  g_file_query_info_async (run->file,
                           G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                           G_FILE_ATTRIBUTE_STANDARD_SIZE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, run->cancellable,
                           query_info_cb, run);
}

static void
chooser_response_cb (GtkFileChooserNative *native,
                     int                   response,
                     Run                  *run)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (file == NULL || run->parent == NULL)
    {
      run_free (run);
      return;
    }

  run_read (run, file);
}

/**
 * pw_team_import_dialog_run:
 * @parent: the window of the page that imports
 * @workbook: the workbook whose map the teams go on
 * @done: (nullable): called when teams were added
 * @user_data: for @done
 *
 * The whole import, for a page: asks for a CSV file (#GtkFileChooserNative),
 * then goes on as pw_team_import_dialog_run_file().  Nothing happens when
 * the user cancels the file chooser.
 */
void
pw_team_import_dialog_run (GtkWindow        *parent,
                           PwWorkbook       *workbook,
                           PwTeamImportDone  done,
                           gpointer          user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PW_IS_WORKBOOK (workbook));

  native = gtk_file_chooser_native_new (_("Import Teams"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), csv);

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb),
                    run_new (parent, workbook, done, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/**
 * pw_team_import_dialog_run_file:
 * @parent: the window of the page that imports
 * @workbook: the workbook whose map the teams go on
 * @file: the CSV file, chosen by the user or dropped on the page
 * @done: (nullable): called when teams were added
 * @user_data: for @done
 *
 * Reads @file without blocking and shows a #PwTeamImportDialog for it,
 * transient for @parent.  A file that cannot be read at all (not there,
 * larger than %PW_TEAM_IMPORT_MAX_MIB MiB, which is not even loaded,
 * empty, without a name column…) is explained in a message dialog, “Could
 * Not Import Teams”, naming the file and what is wrong.
 *
 * @done is called at most once, with the number of teams added, after
 * they are on the map (one undo step) and before the dialog closes: the
 * page can show a toast and select them, the last @n_teams teams of the
 * map's list.  It is not called when the user cancels, when the file cannot
 * be read, or when @parent is destroyed first: @user_data must stay valid
 * as long as @parent (a widget inside @parent is fine).
 */
void
pw_team_import_dialog_run_file (GtkWindow        *parent,
                                PwWorkbook       *workbook,
                                GFile            *file,
                                PwTeamImportDone  done,
                                gpointer          user_data)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PW_IS_WORKBOOK (workbook));
  g_return_if_fail (G_IS_FILE (file));

  run_read (run_new (parent, workbook, done, user_data), file);
}
