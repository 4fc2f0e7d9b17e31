/* pw-report-draft.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-report-draft.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/**
 * PwReportDraft:
 *
 * A report draft that the facilitator edits: its title, the assessment it
 * reports on, the executive summary and the commentary per dimension, in
 * Markdown.
 */
struct _PwReportDraft
{
  GObject parent_instance;

  char *id;
  char *assessment_id;
  char *title;
  char *summary;
  GHashTable *commentary;  /* dimension id → text */
  GStrv omitted;           /* section ids, in pw_report_sections() order, then others */
  char *compare_id;
};

G_DEFINE_FINAL_TYPE (PwReportDraft, pw_report_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ASSESSMENT_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_COMMENTARY,
  PROP_OMITTED_SECTIONS,
  PROP_COMPARE_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const sections[] = {
  PW_REPORT_SECTION_SUMMARY,
  PW_REPORT_SECTION_RESULT,
  PW_REPORT_SECTION_RADAR,
  PW_REPORT_SECTION_DIMENSIONS,
  PW_REPORT_SECTION_ANSWERS,
  PW_REPORT_SECTION_NEXT_STEPS,
  PW_REPORT_SECTION_COMPARISON,
  PW_REPORT_SECTION_HISTORY,
  PW_REPORT_SECTION_MAP,
  PW_REPORT_SECTION_TEAMS,
  PW_REPORT_SECTION_POLICY,
  NULL
};

static GVariant *
get_commentary_variant (PwReportDraft *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  g_auto(GStrv) ids = pw_report_draft_list_commentary (self);

  for (guint i = 0; ids[i] != NULL; i++)
    g_variant_builder_add (&builder, "{ss}", ids[i],
                           (const char *) g_hash_table_lookup (self->commentary, ids[i]));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* Replaces all the commentary at once (undo and redo) */
static void
set_commentary_variant (PwReportDraft *self,
                        GVariant      *variant)
{
  g_autoptr(GHashTable) commentary = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, g_free);
  GVariantIter iter;
  const char *dimension_id;
  const char *text;

  if (variant != NULL)
    {
      g_variant_iter_init (&iter, variant);
      while (g_variant_iter_next (&iter, "{&s&s}", &dimension_id, &text))
        g_hash_table_replace (commentary, g_strdup (dimension_id),
                              _pw_strdup_capped (text, PW_MAX_TEXT_CHARS));
    }

  if (g_hash_table_size (commentary) == g_hash_table_size (self->commentary))
    {
      GHashTableIter hash_iter;
      gpointer key, value;
      gboolean same = TRUE;

      g_hash_table_iter_init (&hash_iter, commentary);
      while (same && g_hash_table_iter_next (&hash_iter, &key, &value))
        same = g_strcmp0 (g_hash_table_lookup (self->commentary, key), value) == 0;
      if (same)
        return;
    }

  g_hash_table_unref (self->commentary);
  self->commentary = g_steal_pointer (&commentary);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMMENTARY]);
}

static void
pw_report_draft_finalize (GObject *object)
{
  PwReportDraft *self = (PwReportDraft *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->assessment_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->commentary, g_hash_table_unref);
  g_clear_pointer (&self->omitted, g_strfreev);
  g_clear_pointer (&self->compare_id, g_free);

  G_OBJECT_CLASS (pw_report_draft_parent_class)->finalize (object);
}

static void
pw_report_draft_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PwReportDraft *self = PW_REPORT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ASSESSMENT_ID:
      g_value_set_string (value, self->assessment_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_COMMENTARY:
      g_value_take_variant (value, get_commentary_variant (self));
      break;

    case PROP_OMITTED_SECTIONS:
      g_value_set_boxed (value, self->omitted);
      break;

    case PROP_COMPARE_ID:
      g_value_set_string (value, self->compare_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_draft_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PwReportDraft *self = PW_REPORT_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_string (value) ? g_value_dup_string (value) : NULL;
      break;

    case PROP_ASSESSMENT_ID:
      pw_report_draft_set_assessment_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      pw_report_draft_set_title (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      pw_report_draft_set_summary (self, g_value_get_string (value));
      break;

    case PROP_COMMENTARY:
      set_commentary_variant (self, g_value_get_variant (value));
      break;

    case PROP_OMITTED_SECTIONS:
      pw_report_draft_set_omitted_sections (self, g_value_get_boxed (value));
      break;

    case PROP_COMPARE_ID:
      pw_report_draft_set_compare_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_report_draft_class_init (PwReportDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_report_draft_finalize;
  object_class->get_property = pw_report_draft_get_property;
  object_class->set_property = pw_report_draft_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_ASSESSMENT_ID] =
    g_param_spec_string ("assessment-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /* The commentary of every dimension as one a{ss} (dimension id → text),
   * notified when any of them changes: what undo takes back. */
  properties [PROP_COMMENTARY] =
    g_param_spec_variant ("commentary", NULL, NULL,
                          G_VARIANT_TYPE ("a{ss}"), NULL,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_OMITTED_SECTIONS] =
    g_param_spec_boxed ("omitted-sections", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_COMPARE_ID] =
    g_param_spec_string ("compare-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_report_draft_init (PwReportDraft *self)
{
  self->commentary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

PwReportDraft *
pw_report_draft_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PW_TYPE_REPORT_DRAFT, "id", id, NULL);
}

/**
 * pw_report_draft_get_commentary:
 *
 * Returns: (nullable): the commentary on one dimension
 */
const char *
pw_report_draft_get_commentary (PwReportDraft *self,
                                const char    *dimension_id)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return g_hash_table_lookup (self->commentary, dimension_id);
}

/**
 * pw_report_draft_set_commentary:
 * @text: (nullable): the commentary, or %NULL to remove it
 *
 * Sets the commentary on one dimension, cut to %PW_MAX_TEXT_CHARS
 * characters: a workbook file holds no longer one.  An empty text is kept
 * as one, as a file may hold it, so that it is saved as it was loaded.  Emits
 * #GObject::notify for "commentary" when the text changed.
 */
void
pw_report_draft_set_commentary (PwReportDraft *self,
                                const char    *dimension_id,
                                const char    *text)
{
  g_autofree char *capped = NULL;

  g_return_if_fail (PW_IS_REPORT_DRAFT (self));
  g_return_if_fail (dimension_id != NULL);

  capped = _pw_strdup_capped (text, PW_MAX_TEXT_CHARS);

  if (g_strcmp0 (g_hash_table_lookup (self->commentary, dimension_id), capped) == 0)
    return;

  if (capped == NULL)
    g_hash_table_remove (self->commentary, dimension_id);
  else
    g_hash_table_replace (self->commentary, g_strdup (dimension_id), g_steal_pointer (&capped));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMMENTARY]);
}

/**
 * pw_report_draft_list_commentary:
 *
 * Returns: (transfer full): the dimension ids that have commentary, sorted
 */
GStrv
pw_report_draft_list_commentary (PwReportDraft *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->commentary), (GCompareFunc) g_strcmp0);
  for (const GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);

  return g_strv_builder_end (builder);
}

const char *
pw_report_draft_get_id (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->id;
}

const char *
pw_report_draft_get_assessment_id (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->assessment_id;
}

void
pw_report_draft_set_assessment_id (PwReportDraft *self,
                                   const char    *assessment_id)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_str (&self->assessment_id, assessment_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSESSMENT_ID]);
}

const char *
pw_report_draft_get_title (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->title;
}

/**
 * pw_report_draft_set_title:
 * @title: (nullable): the title of the report
 *
 * Sets the title, cut to %PW_MAX_NAME_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_report_draft_set_title (PwReportDraft *self,
                           const char    *title)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_line_capped (&self->title, title, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
pw_report_draft_get_summary (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->summary;
}

/**
 * pw_report_draft_set_summary:
 * @summary: (nullable): the executive summary, in Markdown
 *
 * Sets the summary, cut to %PW_MAX_TEXT_CHARS characters: a workbook file holds no
 * longer one.
 */
void
pw_report_draft_set_summary (PwReportDraft *self,
                             const char    *summary)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_str_capped (&self->summary, summary, PW_MAX_TEXT_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
}


/**
 * pw_report_sections:
 *
 * Returns: (transfer none): the ids of the sections a report may hold, in
 *   their order in the report
 */
const char * const *
pw_report_sections (void)
{
  return sections;
}

/**
 * pw_report_section_get_title:
 *
 * Returns: the translated title of a section, as the report shows it, or
 *   %NULL for an unknown id
 */
const char *
pw_report_section_get_title (const char *section)
{
  static const struct {
    const char *id;
    const char *title;
  } titles[] = {
    /* Translators: a section of the report */
    { PW_REPORT_SECTION_SUMMARY, N_("Executive Summary") },
    /* Translators: a section of the report: the overall phase, its confidence and the caps */
    { PW_REPORT_SECTION_RESULT, N_("Overall Result") },
    /* Translators: a section of the report: the radar chart of the dimensions */
    { PW_REPORT_SECTION_RADAR, N_("Maturity Profile") },
    /* Translators: a section of the report: each dimension's result and the commentary */
    { PW_REPORT_SECTION_DIMENSIONS, N_("Results by Dimension") },
    /* Translators: a section of the report: every answer with its note and evidence */
    { PW_REPORT_SECTION_ANSWERS, N_("Answers") },
    /* Translators: a section of the report */
    { PW_REPORT_SECTION_NEXT_STEPS, N_("Next Steps") },
    /* Translators: a section of the report: what moved against another assessment */
    { PW_REPORT_SECTION_COMPARISON, N_("Comparison") },
    /* Translators: a section of the report: the earlier rounds of the same scope */
    { PW_REPORT_SECTION_HISTORY, N_("History") },
    /* Translators: a section of the report: the picture of the organization map */
    { PW_REPORT_SECTION_MAP, N_("Organization Map") },
    /* Translators: a section of the report: every team's latest phase */
    { PW_REPORT_SECTION_TEAMS, N_("Teams Overview") },
    /* Translators: a section of the report: the social media policy checklist */
    { PW_REPORT_SECTION_POLICY, N_("Policy Checklist") },
  };

  g_return_val_if_fail (section != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (titles[i].id, section))
      return _(titles[i].title);

  return NULL;
}

/**
 * pw_report_draft_get_section_included:
 *
 * Returns: whether the report includes @section (all do, unless omitted)
 */
gboolean
pw_report_draft_get_section_included (PwReportDraft *self,
                                      const char    *section)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return self->omitted == NULL || !g_strv_contains ((const char * const *) self->omitted, section);
}

void
pw_report_draft_set_section_included (PwReportDraft *self,
                                      const char    *section,
                                      gboolean       included)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) omitted = NULL;

  g_return_if_fail (PW_IS_REPORT_DRAFT (self));
  g_return_if_fail (section != NULL);

  if (pw_report_draft_get_section_included (self, section) == !!included)
    return;

  for (guint i = 0; self->omitted != NULL && self->omitted[i] != NULL; i++)
    if (!g_str_equal (self->omitted[i], section))
      g_strv_builder_add (builder, self->omitted[i]);
  if (!included)
    g_strv_builder_add (builder, section);
  omitted = g_strv_builder_end (builder);

  pw_report_draft_set_omitted_sections (self, (const char * const *) omitted);
}

/**
 * pw_report_draft_get_omitted_sections:
 *
 * Returns: (transfer none) (nullable): the sections the report leaves out:
 *   the known ones in their order, then those of a newer version as read
 */
const char * const *
pw_report_draft_get_omitted_sections (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return (const char * const *) self->omitted;
}

/**
 * pw_report_draft_set_omitted_sections:
 * @omitted: (nullable) (array zero-terminated=1): the section ids to leave
 *   out; repeated ones count once
 */
void
pw_report_draft_set_omitted_sections (PwReportDraft      *self,
                                      const char * const *omitted)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) list = NULL;
  const char * const empty[] = { NULL };

  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (omitted == NULL)
    omitted = empty;

  for (guint i = 0; sections[i] != NULL; i++)
    if (g_strv_contains (omitted, sections[i]))
      g_strv_builder_add (builder, sections[i]);
  for (guint i = 0; omitted[i] != NULL; i++)
    if (!g_strv_contains (sections, omitted[i]) && g_hash_table_add (seen, (char *) omitted[i]))
      g_strv_builder_add (builder, omitted[i]);
  list = g_strv_builder_end (builder);

  if (g_strv_equal ((const char * const *) list,
                    self->omitted != NULL ? (const char * const *) self->omitted : empty))
    return;

  g_strfreev (self->omitted);
  self->omitted = list[0] != NULL ? g_steal_pointer (&list) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OMITTED_SECTIONS]);
}

/**
 * pw_report_draft_get_compare_id:
 *
 * Returns: (nullable): the id of the assessment the report compares its own
 *   with
 */
const char *
pw_report_draft_get_compare_id (PwReportDraft *self)
{
  g_return_val_if_fail (PW_IS_REPORT_DRAFT (self), NULL);

  return self->compare_id;
}

void
pw_report_draft_set_compare_id (PwReportDraft *self,
                                const char    *assessment_id)
{
  g_return_if_fail (PW_IS_REPORT_DRAFT (self));

  if (_pw_set_str (&self->compare_id, assessment_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPARE_ID]);
}
