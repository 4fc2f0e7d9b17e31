/* pw-team-panel.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-team-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pw-map-painter.h"
#include "pw-team-panel.h"
#include "pw-utils-private.h"

/**
 * PwTeamPanel:
 *
 * The side panel of the organization map: one team, to see and edit.  Its
 * name, kind, function, region, headcount, subject-matter experts, hub,
 * channels and notes, each written to the team as the user edits it (the
 * workbook's recorder makes the undo steps); its latest phase at the top and
 * its assessments, newest first, each opening with the window action
 * `win.show-assessment`, and a button that starts a new one with
 * `win.assess-team`.
 *
 * The panel follows the model both ways: an undo that changes the team
 * updates the fields (only those whose text differs, so that the cursor
 * stays where the user types), a team removed from the map empties the
 * panel, and the hubs and assessments shown follow the workbook.  Without a
 * team it says how to pick one.
 */

#define PANEL_WIDTH  320
#define MAX_PEOPLE   100000
#define BADGE_SIZE   40

/* The usual networks, as their owners spell them: brand names are not
 * translated. */
static const char * const known_channels[] = {
  "LinkedIn", "Instagram", "Facebook", "X", "YouTube", "TikTok",
  "Threads", "Bluesky", "Mastodon", "Pinterest", "WhatsApp", "Reddit",
};

#define N_KNOWN_CHANNELS G_N_ELEMENTS (known_channels)
#define CHANNEL_COLUMNS  3

struct _PwTeamPanel
{
  AdwBin             parent_instance;

  GtkStack          *stack;

  /* The heading: the team's name, kind and latest phase */
  GtkLabel          *title_label;
  GtkLabel          *kind_label;
  GtkWidget         *badge;
  GtkLabel          *phase_label;
  GtkLabel          *phase_detail_label;

  /* Details */
  AdwEntryRow       *name_row;
  AdwComboRow       *kind_row;
  AdwEntryRow       *function_row;
  AdwEntryRow       *region_row;
  GtkSpinButton     *headcount_spin;
  GtkSpinButton     *smes_spin;
  AdwComboRow       *hub_row;
  GtkStringList     *hub_names;
  GPtrArray         *hub_ids;        /* of the hub row's choices; "" for None */
  char              *hubs_signature;

  /* Channels */
  GtkToggleButton   *channel_buttons[N_KNOWN_CHANNELS];
  GtkListBox        *custom_list;
  AdwEntryRow       *add_channel_row;
  GPtrArray         *custom_rows;    /* GtkWidget, in the order of the team's channels */
  char              *custom_signature;

  /* Notes */
  GtkTextBuffer     *notes_buffer;

  /* Assessments */
  GtkListBox        *assessments_list;
  char              *assessments_signature;

  PwWorkbook        *workbook;
  PwOrgMap          *map;
  PwTeam            *team;

  int                badge_phase;    /* 0: not assessed or no score */
  gboolean           badge_assessed;

  guint              refresh_source;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (PwTeamPanel, pw_team_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TEAM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void refresh_fields      (PwTeamPanel *self);
static void refresh_channels    (PwTeamPanel *self);
static void remove_channel_clicked_cb (PwTeamPanel *self,
                                       GtkButton   *button);

/* ------------------------------------------------------------------------
 * Helpers
 */

static int
find_known_channel (const char *channel)
{
  for (guint i = 0; i < N_KNOWN_CHANNELS; i++)
    if (g_ascii_strcasecmp (known_channels[i], channel) == 0)
      return (int) i;
  return -1;
}

static gboolean
has_channel (const char * const *channels,
             const char         *channel)
{
  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    if (g_ascii_strcasecmp (channels[i], channel) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The day of an assessment in words, "15 September 2026" */
static char *
format_date (const char *text)
{
  guint year, month, day;
  GDate date;
  char buffer[128];

  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (text != NULL ? text : "");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  /* Translators: a day as the policy page shows it; see strftime(3) */
  if (g_date_strftime (buffer, sizeof buffer, _("%e %B %Y"), &date) == 0
      || !g_utf8_validate (buffer, -1, NULL))
    return g_strdup (text);
  return g_strstrip (g_strdup (buffer));
}

/* The phase of @assessment, "Phase 3 · The Integrators", and its number
 * (0 without a score) */
static char *
describe_phase (PwTeamPanel  *self,
                PwAssessment *assessment,
                int          *phase)
{
  PwFramework *framework = pw_workbook_get_framework (self->workbook);
  g_autoptr(PwScore) score = pw_score_compute (framework, assessment,
                                               pw_workbook_get_policy (self->workbook));

  *phase = score->has_score ? score->phase : 0;
  if (!score->has_score)
    /* Translators: an assessment of a team whose answers give no phase yet */
    return g_strdup (_("No score yet"));

  return pw_result_text_phase (framework, score->phase);
}

static void
set_editable_text (GtkEditable *editable,
                   const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static void
set_spin_value (GtkSpinButton *spin,
                int            value)
{
  if ((int) gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GPtrArray *
copy_channels (PwTeam *team)
{
  const char * const *channels = pw_team_get_channels (team);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    g_ptr_array_add (copy, g_strdup (channels[i]));

  return copy;
}

static void
write_channels (PwTeamPanel *self,
                GPtrArray   *channels)
{
  g_ptr_array_add (channels, NULL);
  pw_team_set_channels (self->team, (const char * const *) channels->pdata);
  g_ptr_array_remove_index (channels, channels->len - 1);
}

static void
remove_channel (PwTeamPanel *self,
                const char  *channel)
{
  g_autoptr(GPtrArray) channels = copy_channels (self->team);

  for (guint i = channels->len; i > 0; i--)
    if (g_ascii_strcasecmp (g_ptr_array_index (channels, i - 1), channel) == 0)
      g_ptr_array_remove_index (channels, i - 1);
  write_channels (self, channels);
}

static void
add_channel (PwTeamPanel *self,
             const char  *channel)
{
  g_autoptr(GPtrArray) channels = NULL;

  if (has_channel (pw_team_get_channels (self->team), channel))
    return;

  channels = copy_channels (self->team);
  g_ptr_array_add (channels, g_strdup (channel));
  write_channels (self, channels);
}

/* ------------------------------------------------------------------------
 * The heading's badge
 */

static void
draw_badge (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PwTeamPanel *self = user_data;
  double size = MIN (width, height);
  double radius = size / 2.0 - 1.0;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *number = NULL;
  GdkRGBA color;
  int text_width, text_height;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  if (self->badge_phase >= 1 && self->badge_phase <= PW_N_PHASES)
    {
      PwMapColor fill, ink;

      pw_map_phase_color (self->badge_phase, &fill, &ink);
      cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, fill.alpha);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.25);
      cairo_set_line_width (cr, 1.0);
      cairo_stroke (cr);
      number = g_strdup_printf ("%d", self->badge_phase);
      color.red = ink.red;
      color.green = ink.green;
      color.blue = ink.blue;
      color.alpha = 1.0;
    }
  else
    {
      static const double dashes[] = { 4.0, 3.0 };

      cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.55);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      number = g_strdup ("–");
      color.alpha = 0.7;
    }

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), number);
  {
    g_autoptr(PangoFontDescription) font = pango_font_description_copy (
      pango_context_get_font_description (pango_layout_get_context (layout)));

    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
    pango_font_description_set_size (font, (int) (size * 0.42 * PANGO_SCALE * 0.75));
    pango_layout_set_font_description (layout, font);
  }
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, (width - text_width) / 2.0, (height - text_height) / 2.0);
  gdk_cairo_set_source_rgba (cr, &color);
  pango_cairo_show_layout (cr, layout);
}

/* ------------------------------------------------------------------------
 * Following the model
 */

static void
refresh_heading (PwTeamPanel *self)
{
  PwAssessment *latest;
  g_autofree char *phase_text = NULL;
  g_autofree char *detail = NULL;
  gboolean stale = FALSE;
  int phase = 0;

  gtk_label_set_label (self->title_label, pw_team_get_name (self->team));
  {
    const char *function = pw_team_get_function (self->team);
    const char *kind = pw_team_get_kind (self->team) == PW_TEAM_HUB
                       ? C_("team kind", "Hub")
                       : C_("team kind", "Spoke");
    g_autofree char *text = NULL;

    if (function != NULL && *function != '\0')
      /* Translators: under a team's name in the team panel: its kind and its function,
       * "Spoke · HR" */
      text = g_strdup_printf (_("%s · %s"), kind, function);
    else
      text = g_strdup (kind);
    gtk_label_set_label (self->kind_label, text);
  }

  latest = pw_workbook_find_latest_assessment (self->workbook, pw_team_get_id (self->team));
  if (latest != NULL)
    {
      g_autofree char *date = format_date (pw_assessment_get_date (latest));
      GDate today;

      phase_text = describe_phase (self, latest, &phase);
      _pw_date_init_today (&today);
      stale = pw_assessment_is_stale (latest, &today);
      if (stale)
        /* Translators: under the latest phase of a team: when it was assessed, "10 June 2025",
         * and that this is long ago */
        detail = g_strdup_printf (_("Assessed %s · more than 12 months ago"), date);
      else
        /* Translators: under the latest phase of a team: when it was assessed, "10 June 2025" */
        detail = g_strdup_printf (_("Assessed %s"), date);
    }
  else
    {
      /* Translators: the phase of a team that has no assessment */
      phase_text = g_strdup (_("Not assessed"));
      detail = g_strdup (_("Assess the team to see its phase on the map."));
    }

  gtk_label_set_label (self->phase_label, phase_text);
  gtk_label_set_label (self->phase_detail_label, detail);
  /* Long ago: in the warning colour, which .pw-secondary would dim */
  if (stale)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->phase_detail_label), "pw-secondary");
      gtk_widget_add_css_class (GTK_WIDGET (self->phase_detail_label), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->phase_detail_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->phase_detail_label), "pw-secondary");
    }
  if (self->badge_phase != phase || self->badge_assessed != (latest != NULL))
    {
      self->badge_phase = phase;
      self->badge_assessed = latest != NULL;
      gtk_widget_queue_draw (self->badge);
    }
}

static void
update_hub_selection (PwTeamPanel *self)
{
  PwTeam *hub = pw_org_map_get_hub_of (self->map, self->team);
  const char *hub_id = hub != NULL ? pw_team_get_id (hub) : "";
  guint selected = 0;

  for (guint i = 0; i < self->hub_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->hub_ids, i), hub_id) == 0)
      selected = i;

  self->updating = TRUE;
  if (adw_combo_row_get_selected (self->hub_row) != selected)
    adw_combo_row_set_selected (self->hub_row, selected);
  self->updating = FALSE;
}

static void
refresh_hubs (PwTeamPanel *self)
{
  GListModel *teams = pw_org_map_get_teams (self->map);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) signature = g_string_new (NULL);

  g_ptr_array_add (ids, g_strdup (""));
  /* Translators: the hub of a spoke linked to no hub */
  g_ptr_array_add (names, (gpointer) C_("hub", "None"));
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);

      if (team == self->team || pw_team_get_kind (team) != PW_TEAM_HUB)
        continue;
      g_ptr_array_add (ids, g_strdup (pw_team_get_id (team)));
      g_ptr_array_add (names, (gpointer) pw_team_get_name (team));
      g_string_append_printf (signature, "%s\n%s\n", pw_team_get_id (team),
                              pw_team_get_name (team));
    }

  if (g_strcmp0 (signature->str, self->hubs_signature) != 0)
    {
      g_ptr_array_add (names, NULL);
      self->updating = TRUE;
      gtk_string_list_splice (self->hub_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->hub_names)),
                              (const char * const *) names->pdata);
      self->updating = FALSE;
      g_ptr_array_unref (self->hub_ids);
      self->hub_ids = g_steal_pointer (&ids);
      g_free (self->hubs_signature);
      self->hubs_signature = g_strdup (signature->str);
    }

  update_hub_selection (self);
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  PwAssessment *first = *(PwAssessment **) a;
  PwAssessment *second = *(PwAssessment **) b;
  int order = g_strcmp0 (pw_assessment_get_date (second), pw_assessment_get_date (first));

  /* Of one day, the one further down the workbook's list is the later:
   * the array holds them from the end of the list, and GPtrArray's sort is
   * stable. */
  return order;
}

static void
assessment_row_activated_cb (AdwActionRow *row,
                             PwTeamPanel  *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "assessment-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-assessment", "s", id);
}

static GtkWidget *
create_assessment_row (PwTeamPanel  *self,
                       PwAssessment *assessment,
                       const char   *phase_text,
                       gboolean      stale)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_date (pw_assessment_get_date (assessment));
  g_autofree char *subtitle = NULL;
  const char *round = pw_assessment_get_round (assessment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (round != NULL && *round != '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), round);
      if (stale)
        /* Translators: an assessment in the team panel: its phase, its day and that the day
         * is long ago */
        subtitle = g_strdup_printf (_("%s\n%s · More than 12 months ago"), phase_text, date);
      else
        /* Translators: an assessment in the team panel: its phase and its day */
        subtitle = g_strdup_printf (_("%s\n%s"), phase_text, date);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date);
      if (stale)
        /* Translators: an assessment in the team panel: its phase, and that its day is
         * long ago */
        subtitle = g_strdup_printf (_("%s\nMore than 12 months ago"), phase_text);
      else
        subtitle = g_strdup (phase_text);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (stale)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("More than 12 months ago"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Show this assessment"));
  g_object_set_data_full (G_OBJECT (row), "assessment-id",
                          g_strdup (pw_assessment_get_id (assessment)), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (assessment_row_activated_cb),
                           self, G_CONNECT_DEFAULT);

  return row;
}

static void
refresh_assessments (PwTeamPanel *self)
{
  GListModel *assessments = pw_workbook_get_assessments (self->workbook);
  const char *team_id = pw_team_get_id (self->team);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) signature = g_string_new (NULL);
  GDate today;

  _pw_date_init_today (&today);
  /* Newest first; of one day, the later in the list first: from the end
   * of the list, in a stable sort */
  for (guint i = g_list_model_get_n_items (assessments); i > 0; i--)
    {
      g_autoptr(PwAssessment) assessment = g_list_model_get_item (assessments, i - 1);

      if (g_strcmp0 (pw_assessment_get_team_id (assessment), team_id) == 0)
        g_ptr_array_add (mine, g_steal_pointer (&assessment));
    }
  g_ptr_array_sort (mine, compare_newest_first);

  for (guint i = 0; i < mine->len; i++)
    {
      PwAssessment *assessment = g_ptr_array_index (mine, i);
      gboolean is_stale = pw_assessment_is_stale (assessment, &today);
      int phase;
      char *text = describe_phase (self, assessment, &phase);

      g_ptr_array_add (phases, text);
      g_array_append_val (stale, is_stale);
      g_string_append_printf (signature, "%s\n%s\n%s\n%s\n%d\n", pw_assessment_get_id (assessment),
                              pw_assessment_get_round (assessment),
                              pw_assessment_get_date (assessment), text, is_stale);
    }

  if (self->assessments_signature != NULL
      && strcmp (signature->str, self->assessments_signature) == 0)
    return;
  g_free (self->assessments_signature);
  self->assessments_signature = g_strdup (signature->str);

  remove_all_rows (self->assessments_list);
  for (guint i = 0; i < mine->len; i++)
    gtk_list_box_append (self->assessments_list,
                         create_assessment_row (self, g_ptr_array_index (mine, i),
                                                g_ptr_array_index (phases, i),
                                                g_array_index (stale, gboolean, i)));

  if (mine->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not assessed yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Assess the team to see its phase on the map."));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->assessments_list, row);
    }
}

/* What the workbook holds beyond the team itself: its hubs, assessments and
 * latest phase */
static void
refresh_context (PwTeamPanel *self)
{
  if (self->team == NULL)
    return;

  refresh_heading (self);
  refresh_hubs (self);
  refresh_assessments (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  PwTeamPanel *self = user_data;

  self->refresh_source = 0;
  refresh_context (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (PwTeamPanel *self)
{
  if (self->refresh_source == 0 && self->team != NULL)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

static void
refresh_custom_channels (PwTeamPanel *self)
{
  const char * const *channels = pw_team_get_channels (self->team);
  g_autoptr(GString) signature = g_string_new (NULL);

  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    if (find_known_channel (channels[i]) < 0)
      g_string_append_printf (signature, "%s\n", channels[i]);

  if (self->custom_signature != NULL && strcmp (signature->str, self->custom_signature) == 0)
    return;
  g_free (self->custom_signature);
  self->custom_signature = g_strdup (signature->str);

  for (guint i = 0; i < self->custom_rows->len; i++)
    gtk_list_box_remove (self->custom_list, g_ptr_array_index (self->custom_rows, i));
  g_ptr_array_set_size (self->custom_rows, 0);

  for (guint i = 0; channels != NULL && channels[i] != NULL; i++)
    {
      GtkWidget *row, *button;
      g_autofree char *label = NULL;

      if (find_known_channel (channels[i]) >= 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), channels[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);

      button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove Channel"));
      /* Translators: what a screen reader says of the button that removes a channel the
       * user added, "Remove Glassdoor" */
      label = g_strdup_printf (_("Remove %s"), channels[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "channel", g_strdup (channels[i]), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_channel_clicked_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_insert (self->custom_list, row, (int) self->custom_rows->len);
      g_ptr_array_add (self->custom_rows, row);
    }
}

static void
refresh_channels (PwTeamPanel *self)
{
  const char * const *channels = pw_team_get_channels (self->team);

  self->updating = TRUE;
  for (guint i = 0; i < N_KNOWN_CHANNELS; i++)
    {
      gboolean active = has_channel (channels, known_channels[i]);

      if (gtk_toggle_button_get_active (self->channel_buttons[i]) != active)
        gtk_toggle_button_set_active (self->channel_buttons[i], active);
    }
  self->updating = FALSE;

  refresh_custom_channels (self);
}

static void
refresh_notes (PwTeamPanel *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *notes = pw_team_get_notes (self->team);

  gtk_text_buffer_get_bounds (self->notes_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->notes_buffer, &start, &end, TRUE);
  if (g_strcmp0 (text, notes != NULL ? notes : "") != 0)
    gtk_text_buffer_set_text (self->notes_buffer, notes != NULL ? notes : "", -1);
}

/* The team's own properties, into the fields that show them */
static void
refresh_fields (PwTeamPanel *self)
{
  gboolean spoke = pw_team_get_kind (self->team) == PW_TEAM_SPOKE;

  self->updating = TRUE;
  set_editable_text (GTK_EDITABLE (self->name_row), pw_team_get_name (self->team));
  if (!is_blank (pw_team_get_name (self->team)))
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (adw_combo_row_get_selected (self->kind_row) != (spoke ? 1 : 0))
    adw_combo_row_set_selected (self->kind_row, spoke ? 1 : 0);
  set_editable_text (GTK_EDITABLE (self->function_row), pw_team_get_function (self->team));
  set_editable_text (GTK_EDITABLE (self->region_row), pw_team_get_region (self->team));
  set_spin_value (self->headcount_spin, pw_team_get_headcount (self->team));
  set_spin_value (self->smes_spin, pw_team_get_smes (self->team));
  refresh_notes (self);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->hub_row), spoke);
  gtk_label_set_label (self->title_label, pw_team_get_name (self->team));
  refresh_channels (self);
}

static void
team_notify_cb (PwTeam      *team,
                GParamSpec  *pspec,
                PwTeamPanel *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "x") || g_str_equal (name, "y"))
    return;

  refresh_fields (self);
  if (g_str_equal (name, "kind") || g_str_equal (name, "name") || g_str_equal (name, "function"))
    refresh_heading (self);
}

static void
map_changed_cb (PwOrgMap    *map,
                PwTeamPanel *self)
{
  if (self->team == NULL)
    return;

  if (pw_org_map_find_team (map, pw_team_get_id (self->team)) != self->team)
    {
      pw_team_panel_set_team (self, NULL);
      return;
    }

  schedule_refresh (self);
}

static void
workbook_changed_cb (PwWorkbook  *workbook,
                     PwTeamPanel *self)
{
  schedule_refresh (self);
}

/* ------------------------------------------------------------------------
 * Edits
 */

static void
text_row_changed_cb (GtkEditable *editable,
                     PwTeamPanel *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (self->updating || self->team == NULL)
    return;

  if (editable == GTK_EDITABLE (self->name_row))
    {
      /* A team always has a name: an empty one is shown, not written */
      if (is_blank (text))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
          return;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      pw_team_set_name (self->team, text);
    }
  else if (editable == GTK_EDITABLE (self->function_row))
    pw_team_set_function (self->team, text);
  else if (editable == GTK_EDITABLE (self->region_row))
    pw_team_set_region (self->team, text);
}

static void
kind_selected_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  PwTeamPanel *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->team == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  pw_team_set_kind (self->team, selected == 1 ? PW_TEAM_SPOKE : PW_TEAM_HUB);
}

static void
spin_value_changed_cb (GtkSpinButton *spin,
                       PwTeamPanel   *self)
{
  int value = gtk_spin_button_get_value_as_int (spin);

  if (self->updating || self->team == NULL)
    return;

  if (spin == self->headcount_spin)
    pw_team_set_headcount (self->team, value);
  else
    pw_team_set_smes (self->team, value);
}

static void
hub_selected_cb (AdwComboRow *row,
                 GParamSpec  *pspec,
                 PwTeamPanel *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *team_id, *new_id;
  PwTeam *old_hub;

  if (self->updating || self->team == NULL || selected >= self->hub_ids->len)
    return;

  team_id = pw_team_get_id (self->team);
  new_id = g_ptr_array_index (self->hub_ids, selected);
  old_hub = pw_org_map_get_hub_of (self->map, self->team);
  if (g_strcmp0 (old_hub != NULL ? pw_team_get_id (old_hub) : "", new_id) == 0)
    return;

  /* Translators: what undo takes back after a spoke was given another hub */
  pw_workbook_begin_edit (self->workbook, _("Change Hub"));
  if (old_hub != NULL)
    pw_org_map_unlink_teams (self->map, pw_team_get_id (old_hub), team_id);
  if (*new_id != '\0' && !pw_org_map_has_link (self->map, new_id, team_id))
    pw_org_map_link_teams (self->map, new_id, team_id);
  pw_workbook_end_edit (self->workbook);

  if (self->team != NULL)
    update_hub_selection (self);
}

static void
channel_toggled_cb (GtkToggleButton *button,
                    PwTeamPanel     *self)
{
  const char *channel = g_object_get_data (G_OBJECT (button), "channel");

  if (self->updating || self->team == NULL)
    return;

  if (gtk_toggle_button_get_active (button))
    add_channel (self, channel);
  else
    remove_channel (self, channel);
}

static void
add_typed_channel (PwTeamPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (self->add_channel_row))));
  int known;

  if (self->team == NULL || *text == '\0')
    return;

  known = find_known_channel (text);
  add_channel (self, known >= 0 ? known_channels[known] : text);
  gtk_editable_set_text (GTK_EDITABLE (self->add_channel_row), "");
}

static void
add_channel_activated_cb (AdwEntryRow *row,
                          PwTeamPanel *self)
{
  add_typed_channel (self);
}

static void
add_channel_clicked_cb (GtkButton   *button,
                        PwTeamPanel *self)
{
  add_typed_channel (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_channel_row));
}

static void
remove_channel_clicked_cb (PwTeamPanel *self,
                           GtkButton   *button)
{
  g_autofree char *channel = g_strdup (g_object_get_data (G_OBJECT (button), "channel"));

  if (self->team == NULL || channel == NULL)
    return;

  /* The button goes with its row: the focus goes on to the entry below */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_channel_row));
  remove_channel (self, channel);
}

static void
notes_changed_cb (GtkTextBuffer *buffer,
                  PwTeamPanel   *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->team == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  pw_team_set_notes (self->team, text);
}

static void
assess_clicked_cb (GtkButton   *button,
                   PwTeamPanel *self)
{
  if (self->team != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.assess-team", "s",
                                pw_team_get_id (self->team));
}

/* ------------------------------------------------------------------------
 * Building
 */

static GtkWidget *
create_group (const char *title,
              const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  return group;
}

static AdwEntryRow *
create_entry_row (PwTeamPanel *self,
                  GtkWidget   *group,
                  const char  *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_signal_connect_object (row, "changed", G_CALLBACK (text_row_changed_cb), self,
                           G_CONNECT_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return ADW_ENTRY_ROW (row);
}

static GtkSpinButton *
create_spin_row (PwTeamPanel *self,
                 GtkWidget   *group,
                 const char  *title,
                 const char  *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, MAX_PEOPLE, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (spin_value_changed_cb), self,
                           G_CONNECT_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
create_heading (PwTeamPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *phase_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *phase_texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *button;

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->title_label));

  self->kind_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->kind_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "pw-secondary");
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->kind_label));
  gtk_box_append (GTK_BOX (box), titles);

  self->badge = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->badge), BADGE_SIZE);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->badge), BADGE_SIZE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->badge), draw_badge, self, NULL);
  gtk_widget_set_valign (self->badge, GTK_ALIGN_CENTER);
  /* The phase is in words beside it */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->badge),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_box_append (GTK_BOX (phase_box), self->badge);

  self->phase_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->phase_label, TRUE);
  gtk_label_set_xalign (self->phase_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->phase_label), "heading");
  gtk_box_append (GTK_BOX (phase_texts), GTK_WIDGET (self->phase_label));
  self->phase_detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->phase_detail_label, TRUE);
  gtk_label_set_xalign (self->phase_detail_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->phase_detail_label), "pw-secondary");
  gtk_widget_add_css_class (GTK_WIDGET (self->phase_detail_label), "caption");
  gtk_box_append (GTK_BOX (phase_texts), GTK_WIDGET (self->phase_detail_label));
  gtk_widget_set_valign (phase_texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (phase_texts, TRUE);
  gtk_box_append (GTK_BOX (phase_box), phase_texts);
  gtk_box_append (GTK_BOX (box), phase_box);

  button = gtk_button_new_with_mnemonic (_("_Assess This Team"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Start a new assessment of this team"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (assess_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
create_details (PwTeamPanel *self)
{
  /* Translators: the group of a team's name, kind, function, region… in the team panel */
  GtkWidget *group = create_group (_("Team"), NULL);
  g_autoptr(GtkStringList) kinds = NULL;

  self->name_row = create_entry_row (self, group, _("Name"));

  /* Translators: the kinds of team the team panel offers: a hub or a spoke */
  kinds = gtk_string_list_new ((const char *[]) { C_("team kind", "Hub"),
                                                  C_("team kind", "Spoke"),
                                                  NULL });
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb),
                           self, G_CONNECT_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  self->hub_names = gtk_string_list_new (NULL);
  self->hub_ids = g_ptr_array_new_with_free_func (g_free);
  self->hub_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hub_row), _("Hub"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->hub_row), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hub_row),
                               _("The center of excellence that coordinates this team"));
  adw_combo_row_set_model (self->hub_row, G_LIST_MODEL (self->hub_names));
  g_signal_connect_object (self->hub_row, "notify::selected", G_CALLBACK (hub_selected_cb),
                           self, G_CONNECT_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->hub_row));

  /* Translators: a team's function in the organization: PR, customer service, HR, sales… */
  self->function_row = create_entry_row (self, group, _("Function"));
  self->region_row = create_entry_row (self, group, _("Region"));
  self->headcount_spin = create_spin_row (self, group, _("Dedicated Headcount"),
                                          _("People who work on social media"));
  /* Translators: subject-matter experts: employees outside the team who post or answer for it */
  self->smes_spin = create_spin_row (self, group, _("SMEs Engaged"),
                                     _("Subject-matter experts who take part"));

  return group;
}

static GtkWidget *
create_channels (PwTeamPanel *self)
{
  GtkWidget *group = create_group (_("Channels Owned"),
                                   _("The networks this team runs accounts on"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button;

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Channels Owned"),
                                  -1);
  for (guint i = 0; i < N_KNOWN_CHANNELS; i++)
    {
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
      GtkWidget *label = gtk_label_new (known_channels[i]);

      /* Not colour alone: a chosen channel has a check mark */
      gtk_widget_set_visible (check, FALSE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (content), check);
      gtk_box_append (GTK_BOX (content), label);
      gtk_widget_set_halign (content, GTK_ALIGN_CENTER);
      button = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_tooltip_text (button, known_channels[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, known_channels[i],
                                      -1);
      g_object_bind_property (button, "active", check, "visible", G_BINDING_SYNC_CREATE);
      gtk_widget_add_css_class (button, "pw-channel");
      g_object_set_data (G_OBJECT (button), "channel", (gpointer) known_channels[i]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (channel_toggled_cb), self,
                               G_CONNECT_DEFAULT);
      gtk_grid_attach (GTK_GRID (grid), button, (int) (i % CHANNEL_COLUMNS),
                       (int) (i / CHANNEL_COLUMNS), 1, 1);
      self->channel_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
  gtk_box_append (GTK_BOX (box), grid);

  self->custom_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->custom_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->custom_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->custom_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Other Channels"),
                                  -1);
  self->custom_rows = g_ptr_array_new ();

  self->add_channel_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_channel_row),
                                 _("Add Another Channel"));
  g_signal_connect_object (self->add_channel_row, "entry-activated",
                           G_CALLBACK (add_channel_activated_cb), self, G_CONNECT_DEFAULT);
  button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Add Channel"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Channel"),
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_channel_clicked_cb), self,
                           G_CONNECT_DEFAULT);
  adw_entry_row_add_suffix (self->add_channel_row, button);
  gtk_list_box_append (self->custom_list, GTK_WIDGET (self->add_channel_row));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->custom_list));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  return group;
}

static GtkWidget *
create_notes (PwTeamPanel *self)
{
  GtkWidget *group = create_group (_("Notes"), NULL);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 96);
  gtk_widget_add_css_class (view, "pw-team-notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("What the facilitator noted about the team"),
                                  -1);
  self->notes_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_object (self->notes_buffer, "changed", G_CALLBACK (notes_changed_cb),
                           self, G_CONNECT_DEFAULT);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);

  return group;
}

static GtkWidget *
create_assessments (PwTeamPanel *self)
{
  /* Translators: the heading of the team panel's list of the team's own
   * assessments (not "Assessments", the heading of the Assess area's list) */
  GtkWidget *group = create_group (_("Assessments of the Team"), NULL);

  self->assessments_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->assessments_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->assessments_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assessments_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessments of the Team"),
                                  -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             GTK_WIDGET (self->assessments_list));

  return group;
}

static GtkWidget *
create_empty_page (void)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "find-location-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Team Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                   _("Select a team on the map or in the list to see and "
                                     "edit it."));
  gtk_widget_add_css_class (page, "compact");

  return page;
}

static void
disconnect_team (PwTeamPanel *self)
{
  if (self->team != NULL)
    g_signal_handlers_disconnect_by_data (self->team, self);
  g_clear_object (&self->team);
}

static void
disconnect_workbook (PwTeamPanel *self)
{
  disconnect_team (self);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  if (self->workbook != NULL)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_clear_object (&self->map);
  g_clear_object (&self->workbook);
}

static void
pw_team_panel_dispose (GObject *object)
{
  PwTeamPanel *self = (PwTeamPanel *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  disconnect_workbook (self);
  g_clear_pointer (&self->custom_rows, g_ptr_array_unref);
  g_clear_pointer (&self->hub_ids, g_ptr_array_unref);
  g_clear_object (&self->hub_names);

  G_OBJECT_CLASS (pw_team_panel_parent_class)->dispose (object);
}

static void
pw_team_panel_finalize (GObject *object)
{
  PwTeamPanel *self = (PwTeamPanel *)object;

  g_free (self->hubs_signature);
  g_free (self->custom_signature);
  g_free (self->assessments_signature);

  G_OBJECT_CLASS (pw_team_panel_parent_class)->finalize (object);
}

static void
pw_team_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PwTeamPanel *self = PW_TEAM_PANEL (object);

  switch (prop_id)
    {
    case PROP_TEAM:
      g_value_set_object (value, self->team);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_team_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PwTeamPanel *self = PW_TEAM_PANEL (object);

  switch (prop_id)
    {
    case PROP_TEAM:
      pw_team_panel_set_team (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_team_panel_class_init (PwTeamPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_team_panel_dispose;
  object_class->finalize = pw_team_panel_finalize;
  object_class->get_property = pw_team_panel_get_property;
  object_class->set_property = pw_team_panel_set_property;

  /**
   * PwTeamPanel:team: (nullable)
   *
   * The team shown, a team of the workbook's map; %NULL when none is
   * selected, or once the team shown was removed from the map.
   */
  properties [PROP_TEAM] =
    g_param_spec_object ("team", NULL, NULL,
                         PW_TYPE_TEAM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pwteampanel");
}

static void
pw_team_panel_init (PwTeamPanel *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, create_empty_page (), "empty");

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), create_heading (self));
  gtk_box_append (GTK_BOX (box), create_details (self));
  gtk_box_append (GTK_BOX (box), create_assessments (self));
  gtk_box_append (GTK_BOX (box), create_channels (self));
  gtk_box_append (GTK_BOX (box), create_notes (self));

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_stack_add_named (self->stack, scrolled, "team");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  gtk_widget_set_size_request (GTK_WIDGET (self), PANEL_WIDTH, -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

/**
 * pw_team_panel_new:
 *
 * Returns: (transfer full): a new panel, showing no team
 */
GtkWidget *
pw_team_panel_new (void)
{
  return g_object_new (PW_TYPE_TEAM_PANEL, NULL);
}

/**
 * pw_team_panel_set_workbook:
 * @workbook: (nullable): the workbook whose map's teams the panel shows
 *
 * Sets the workbook; the panel then shows no team until
 * pw_team_panel_set_team().
 */
void
pw_team_panel_set_workbook (PwTeamPanel *self,
                            PwWorkbook  *workbook)
{
  g_return_if_fail (PW_IS_TEAM_PANEL (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));

  if (workbook == self->workbook)
    return;

  pw_team_panel_set_team (self, NULL);
  disconnect_workbook (self);
  if (workbook == NULL)
    return;

  self->workbook = g_object_ref (workbook);
  self->map = g_object_ref (pw_workbook_get_org_map (workbook));
  g_signal_connect_object (self->workbook, "changed", G_CALLBACK (workbook_changed_cb), self,
                           G_CONNECT_DEFAULT);
  g_signal_connect_object (self->map, "changed", G_CALLBACK (map_changed_cb), self,
                           G_CONNECT_DEFAULT);
}

/**
 * pw_team_panel_set_team:
 * @team: (nullable): a team of the workbook's map, or %NULL for none
 *
 * Shows @team, or, with %NULL, a message that says how to pick one.
 */
void
pw_team_panel_set_team (PwTeamPanel *self,
                        PwTeam      *team)
{
  g_return_if_fail (PW_IS_TEAM_PANEL (self));
  g_return_if_fail (team == NULL || PW_IS_TEAM (team));
  g_return_if_fail (team == NULL || self->workbook != NULL);

  if (team == self->team)
    return;

  disconnect_team (self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->assessments_signature, g_free);
  g_clear_pointer (&self->custom_signature, g_free);
  g_clear_pointer (&self->hubs_signature, g_free);

  if (team != NULL)
    {
      self->team = g_object_ref (team);
      g_signal_connect_object (team, "notify", G_CALLBACK (team_notify_cb), self,
                               G_CONNECT_DEFAULT);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_editable_set_text (GTK_EDITABLE (self->add_channel_row), "");
      refresh_fields (self);
      refresh_context (self);
      gtk_stack_set_visible_child_name (self->stack, "team");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEAM]);
}

/**
 * pw_team_panel_get_team:
 *
 * Returns: (transfer none) (nullable): the team shown
 */
PwTeam *
pw_team_panel_get_team (PwTeamPanel *self)
{
  g_return_val_if_fail (PW_IS_TEAM_PANEL (self), NULL);

  return self->team;
}
