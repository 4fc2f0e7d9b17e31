/* pw-assessment-view.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-assessment-view"

#include "config.h"

#include "pw-assessment-view.h"

/**
 * PwAssessmentView:
 *
 * The base of the widgets that show one assessment of a workbook: the
 * wizard's #PwProfilePage and #PwReviewPage, and the #PwResultView.
 *
 * The #PwAssessmentView:workbook and #PwAssessmentView:assessment change
 * together, through pw_assessment_view_set_assessment().  A subclass shows
 * them in its show_assessment() vfunc, which runs before either property
 * notifies.
 */

typedef struct
{
  PwWorkbook   *workbook;
  PwAssessment *assessment;
} PwAssessmentViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PwAssessmentView, pw_assessment_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_assessment_view_dispose (GObject *object)
{
  PwAssessmentView *self = (PwAssessmentView *)object;
  PwAssessmentViewPrivate *priv = pw_assessment_view_get_instance_private (self);

  g_clear_object (&priv->assessment);
  g_clear_object (&priv->workbook);

  G_OBJECT_CLASS (pw_assessment_view_parent_class)->dispose (object);
}

static void
pw_assessment_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PwAssessmentView *self = PW_ASSESSMENT_VIEW (object);
  PwAssessmentViewPrivate *priv = pw_assessment_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, priv->workbook);
      break;

    case PROP_ASSESSMENT:
      g_value_set_object (value, priv->assessment);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assessment_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PwAssessmentView *self = PW_ASSESSMENT_VIEW (object);
  PwAssessmentViewPrivate *priv = pw_assessment_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      pw_assessment_view_set_assessment (self, g_value_get_object (value), priv->assessment);
      break;

    case PROP_ASSESSMENT:
      pw_assessment_view_set_assessment (self, priv->workbook, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assessment_view_class_init (PwAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pw_assessment_view_dispose;
  object_class->get_property = pw_assessment_view_get_property;
  object_class->set_property = pw_assessment_view_set_property;

  properties [PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL,
                         PW_TYPE_WORKBOOK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL,
                         PW_TYPE_ASSESSMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_assessment_view_init (PwAssessmentView *self)
{
}

/**
 * pw_assessment_view_get_workbook:
 *
 * Returns: (transfer none) (nullable): the workbook of the assessment
 */
PwWorkbook *
pw_assessment_view_get_workbook (PwAssessmentView *self)
{
  PwAssessmentViewPrivate *priv;

  g_return_val_if_fail (PW_IS_ASSESSMENT_VIEW (self), NULL);

  priv = pw_assessment_view_get_instance_private (self);

  return priv->workbook;
}

/**
 * pw_assessment_view_get_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment shown
 */
PwAssessment *
pw_assessment_view_get_assessment (PwAssessmentView *self)
{
  PwAssessmentViewPrivate *priv;

  g_return_val_if_fail (PW_IS_ASSESSMENT_VIEW (self), NULL);

  priv = pw_assessment_view_get_instance_private (self);

  return priv->assessment;
}

/**
 * pw_assessment_view_set_assessment:
 * @workbook: (nullable): the workbook of @assessment
 * @assessment: (nullable): the assessment to show
 *
 * Shows @assessment of @workbook, and follows them from now on.
 */
void
pw_assessment_view_set_assessment (PwAssessmentView *self,
                                   PwWorkbook       *workbook,
                                   PwAssessment     *assessment)
{
  PwAssessmentViewPrivate *priv;
  gboolean workbook_changed, assessment_changed;

  g_return_if_fail (PW_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (workbook == NULL || PW_IS_WORKBOOK (workbook));
  g_return_if_fail (assessment == NULL || PW_IS_ASSESSMENT (assessment));

  priv = pw_assessment_view_get_instance_private (self);
  workbook_changed = g_set_object (&priv->workbook, workbook);
  assessment_changed = g_set_object (&priv->assessment, assessment);
  if (!workbook_changed && !assessment_changed)
    return;

  PW_ASSESSMENT_VIEW_GET_CLASS (self)->show_assessment (self, workbook_changed);

  if (workbook_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKBOOK]);
  if (assessment_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ASSESSMENT]);
}
