/* pw-phase-cell.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-phase-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-phase-cell.h"

/**
 * PwPhaseCell:
 *
 * A phase as a small coloured cell for tables: the phase's number on the
 * phase's colour (the map's colours, see pw_map_phase_color()), a dash on a
 * neutral tint when there is no phase.  Colour is never the only cue: the
 * number is always shown, a stale phase adds a clock and reads in italics,
 * and the tooltip and the accessible label name the phase ("Phase 3: The
 * Integrators") and say when it is stale.
 *
 * Style classes: .pw-phase-1 … .pw-phase-5, .pw-phase-none, .pw-stale.
 */

struct _PwPhaseCell
{
  GtkWidget    parent_instance;

  GtkWidget   *label;
  GtkWidget   *stale_icon;

  PwFramework *framework;
  int          phase;
  gboolean     stale;
  char        *description;
};

G_DEFINE_FINAL_TYPE (PwPhaseCell, pw_phase_cell, GTK_TYPE_WIDGET)

static const char *phase_classes[PW_N_PHASES + 1] = {
  "pw-phase-none",
  "pw-phase-1",
  "pw-phase-2",
  "pw-phase-3",
  "pw-phase-4",
  "pw-phase-5",
};

static char *
describe_phase (PwPhaseCell *self)
{
  const PwPhaseInfo *info = NULL;

  if (self->phase == 0)
    return g_strdup (_("Not assessed"));

  if (self->framework != NULL)
    info = pw_framework_get_phase (self->framework, self->phase);

  if (info != NULL && info->name != NULL && *info->name != '\0')
    /* Translators: a phase in a table, for its tooltip and for screen readers:
     * its number and its name, "Phase 3: The Integrators" */
    return g_strdup_printf (_("Phase %d: %s"), self->phase, info->name);

  /* Translators: a phase in a table, for its tooltip and for screen readers, "Phase 3" */
  return g_strdup_printf (_("Phase %d"), self->phase);
}

static void
update (PwPhaseCell *self)
{
  g_autofree char *phase = describe_phase (self);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (phase_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), phase_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), phase_classes[self->phase]);

  if (self->stale)
    gtk_widget_add_css_class (GTK_WIDGET (self), "pw-stale");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "pw-stale");
  gtk_widget_set_visible (self->stale_icon, self->stale);

  if (self->phase == 0)
    /* Translators: the cell of a table for a team without a phase */
    text = g_strdup (C_("phase", "–"));
  else
    text = g_strdup_printf ("%d", self->phase);
  gtk_label_set_label (GTK_LABEL (self->label), text);

  g_free (self->description);
  if (self->stale)
    {
      /* Translators: a stale phase for screen readers: the phase ("Phase 3: The
       * Integrators") and that its assessment is old */
      self->description = g_strdup_printf (_("%s, assessed more than 12 months ago"), phase);
      tooltip = g_strdup_printf ("%s\n%s", phase, _("Assessed more than 12 months ago"));
    }
  else
    {
      self->description = g_strdup (phase);
      tooltip = g_strdup (phase);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->description,
                                  -1);
}

static void
pw_phase_cell_dispose (GObject *object)
{
  PwPhaseCell *self = PW_PHASE_CELL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->stale_icon, gtk_widget_unparent);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (pw_phase_cell_parent_class)->dispose (object);
}

static void
pw_phase_cell_finalize (GObject *object)
{
  PwPhaseCell *self = PW_PHASE_CELL (object);

  g_free (self->description);

  G_OBJECT_CLASS (pw_phase_cell_parent_class)->finalize (object);
}

static void
pw_phase_cell_class_init (PwPhaseCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_phase_cell_dispose;
  object_class->finalize = pw_phase_cell_finalize;

  gtk_widget_class_set_css_name (widget_class, "phasecell");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pw_phase_cell_init (PwPhaseCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->stale_icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (self->stale_icon), 12);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->stale_icon),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->stale_icon, GTK_WIDGET (self));

  update (self);
}

/**
 * pw_phase_cell_new:
 *
 * Returns: (transfer floating): a cell without a phase
 */
GtkWidget *
pw_phase_cell_new (void)
{
  return g_object_new (PW_TYPE_PHASE_CELL, NULL);
}

/**
 * pw_phase_cell_set_framework:
 * @framework: (nullable): the framework that names the phases
 */
void
pw_phase_cell_set_framework (PwPhaseCell *self,
                             PwFramework *framework)
{
  g_return_if_fail (PW_IS_PHASE_CELL (self));
  g_return_if_fail (framework == NULL || PW_IS_FRAMEWORK (framework));

  if (g_set_object (&self->framework, framework))
    update (self);
}

/**
 * pw_phase_cell_set_phase:
 * @phase: 1 to 5, or 0 without a phase (not assessed)
 * @stale: whether the assessment that gave the phase is older than 12 months
 */
void
pw_phase_cell_set_phase (PwPhaseCell *self,
                         int          phase,
                         gboolean     stale)
{
  g_return_if_fail (PW_IS_PHASE_CELL (self));
  g_return_if_fail (phase >= 0 && phase <= PW_N_PHASES);

  stale = !!stale;
  if (self->phase == phase && self->stale == stale)
    return;

  self->phase = phase;
  self->stale = stale;
  update (self);
}

/**
 * pw_phase_cell_get_phase:
 *
 * Returns: the phase shown, 0 for none
 */
int
pw_phase_cell_get_phase (PwPhaseCell *self)
{
  g_return_val_if_fail (PW_IS_PHASE_CELL (self), 0);

  return self->phase;
}

/**
 * pw_phase_cell_get_stale:
 *
 * Returns: whether the cell is marked stale
 */
gboolean
pw_phase_cell_get_stale (PwPhaseCell *self)
{
  g_return_val_if_fail (PW_IS_PHASE_CELL (self), FALSE);

  return self->stale;
}

/**
 * pw_phase_cell_get_text:
 *
 * Returns: the text shown in the cell: the phase's number, or a dash
 */
const char *
pw_phase_cell_get_text (PwPhaseCell *self)
{
  g_return_val_if_fail (PW_IS_PHASE_CELL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

/**
 * pw_phase_cell_get_description:
 *
 * Returns: the cell's accessible label: the phase's number and name, and
 *   whether it is stale ("Phase 3: The Integrators"), or "Not assessed"
 */
const char *
pw_phase_cell_get_description (PwPhaseCell *self)
{
  g_return_val_if_fail (PW_IS_PHASE_CELL (self), NULL);

  return self->description;
}

/**
 * _pw_phase_compare:
 * @a: a phase, 0 for none
 * @b: another
 * @descending: whether the column is sorted in descending order: the
 *   column view then reverses what the sorter says
 *
 * Compares two phases for a sorter so that a missing phase (0) comes last
 * in either order.
 */
GtkOrdering
_pw_phase_compare (int      a,
                   int      b,
                   gboolean descending)
{
  if (a == b)
    return GTK_ORDERING_EQUAL;
  if (a == 0 || b == 0)
    {
      /* The one without a phase last, whatever the column view reverses */
      gboolean a_last = (a == 0);

      if (descending)
        a_last = !a_last;
      return a_last ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
    }

  return a < b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
}

/* Probing a column view's sorter for the order of one column.  GTK 4.8 does
 * not say in which order a column is sorted; its column view sorter only
 * reverses the column's own sorter.  So each column's sorter answers a pair
 * of probe objects: "smaller" when it is the column asked about, "equal"
 * otherwise; the column view sorter then answers "larger" exactly when it
 * sorts that column in descending order. */
static GObject *probe_a;
static GObject *probe_b;
static gpointer probe_target;

static void
ensure_probes (void)
{
  if (probe_a == NULL)
    {
      probe_a = g_object_new (G_TYPE_OBJECT, NULL);
      probe_b = g_object_new (G_TYPE_OBJECT, NULL);
    }
}

/**
 * _pw_sort_probe:
 * @a: the first item the sorter compares
 * @b: the second
 * @column: the column whose sorter compares them
 * @result: (out): what the sorter must answer when they are the probes
 *
 * Call at the start of every compare function of a column sorter that
 * needs _pw_sort_is_descending().
 *
 * Returns: whether @a and @b are the probes (then return @result)
 */
gboolean
_pw_sort_probe (gconstpointer  a,
                gconstpointer  b,
                gpointer       column,
                GtkOrdering   *result)
{
  if (probe_a == NULL || a != (gconstpointer) probe_a || b != (gconstpointer) probe_b)
    return FALSE;

  *result = (column == probe_target) ? GTK_ORDERING_SMALLER : GTK_ORDERING_EQUAL;
  return TRUE;
}

/**
 * _pw_sort_is_descending:
 * @column: a column of a column view, whose sorter calls _pw_sort_probe()
 *
 * Returns: whether the column view sorts @column in descending order
 */
gboolean
_pw_sort_is_descending (GtkColumnViewColumn *column)
{
  GtkColumnView *view = gtk_column_view_column_get_column_view (column);
  gpointer previous = probe_target;
  GtkOrdering order;

  if (view == NULL)
    return FALSE;

  ensure_probes ();
  probe_target = column;
  order = gtk_sorter_compare (gtk_column_view_get_sorter (view), probe_a, probe_b);
  probe_target = previous;

  return order == GTK_ORDERING_LARGER;
}
