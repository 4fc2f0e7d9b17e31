/* pw-framework-private.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pw-framework.h"
#include "pw-json-reader.h"

G_BEGIN_DECLS

struct _PwFramework
{
  GObject      parent_instance;

  char        *id;
  char        *version;
  int          format_version;
  PwPhaseRule  phase_rule;
  char        *name;
  char        *description;
  PwPhaseInfo  phases[PW_N_PHASES];
  GPtrArray   *dimensions;         /* PwDimension */
  GHashTable  *dimension_by_id;
  GHashTable  *question_by_id;
  GPtrArray   *policy_categories;  /* PwPolicyCategory */
  GHashTable  *category_by_id;
  GHashTable  *policy_item_by_id;
  JsonNode    *snapshot;
  gboolean     differs_from_bundled;
};

/* pw-framework.c: the parts of a framework, for its reader to fill */
PwFramework      *_pw_framework_new                 (JsonNode          *snapshot);
PwDimension      *_pw_framework_add_dimension       (PwFramework       *self,
                                                     const char        *id);
PwQuestion       *_pw_framework_add_question        (PwFramework       *self,
                                                     PwDimension       *dimension,
                                                     const char        *id);
PwPolicyCategory *_pw_framework_add_policy_category (PwFramework       *self,
                                                     const char        *id);
PwPolicyItemDef  *_pw_framework_add_policy_item     (PwFramework       *self,
                                                     PwPolicyCategory  *category,
                                                     const char        *id);
void              _pw_framework_translate           (PwFramework       *self);

/* pw-framework-reader.c, also for the workbook reader, which reads the
 * framework embedded in a workbook */
PwFramework      *_pw_framework_new_from_node       (JsonNode          *node,
                                                     PwJsonReader      *reader);
gboolean          _pw_framework_check_format        (JsonObject        *object,
                                                     const char        *path,
                                                     GError           **error);

G_END_DECLS
