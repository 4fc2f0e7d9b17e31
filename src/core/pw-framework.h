/* pw-framework.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pw-types.h"

G_BEGIN_DECLS

#define PW_FRAMEWORK_FORMAT          "phasewise-framework"
#define PW_FRAMEWORK_FORMAT_VERSION  1
#define PW_FRAMEWORK_BUNDLED_ID      "lostinsm"
#define PW_GOVERNANCE_DIMENSION      "governance"

struct _PwPhaseInfo
{
  int   phase;
  char *name;
  char *stage;
  char *summary;
};

struct _PwQuestion
{
  char              *id;
  char              *text;
  char              *help;
  guint              weight;
  char              *options[PW_N_PHASES];
  const PwDimension *dimension;
};

struct _PwDimension
{
  char      *id;
  char      *name;
  char      *description;
  guint      weight;
  guint      index;
  char      *levels[PW_N_PHASES];
  GPtrArray *questions;                    /* PwQuestion */
  GStrv      next_steps[PW_N_PHASES - 1];  /* [k-1]: from phase k to k+1 */
};

struct _PwPolicyItemDef
{
  char                   *id;
  char                   *title;
  char                   *description;
  gboolean                core;
  const PwPolicyCategory *category;
};

struct _PwPolicyCategory
{
  char      *id;
  char      *name;
  GPtrArray *items;  /* PwPolicyItemDef */
};

#define PW_TYPE_FRAMEWORK (pw_framework_get_type ())

G_DECLARE_FINAL_TYPE (PwFramework, pw_framework, PW, FRAMEWORK, GObject)

PwFramework             *pw_framework_new_from_bytes    (GBytes        *bytes,
                                                         GError       **error);
PwFramework             *pw_framework_new_from_file     (GFile         *file,
                                                         GError       **error);
PwFramework             *pw_framework_load_bundled      (GError       **error);

const char              *pw_framework_get_id            (PwFramework   *self);
const char              *pw_framework_get_version       (PwFramework   *self);
const char              *pw_framework_get_name          (PwFramework   *self);
const char              *pw_framework_get_description   (PwFramework   *self);
JsonNode                *pw_framework_get_snapshot      (PwFramework   *self);
gboolean                 pw_framework_differs_from_bundled (PwFramework *self);
const PwPhaseInfo       *pw_framework_get_phase         (PwFramework   *self,
                                                         int            phase);
guint                    pw_framework_get_n_dimensions  (PwFramework   *self);
const PwDimension       *pw_framework_get_dimension     (PwFramework   *self,
                                                         guint          index);
const PwDimension       *pw_framework_find_dimension    (PwFramework   *self,
                                                         const char    *id);
guint                    pw_framework_get_n_questions   (PwFramework   *self);
const PwQuestion        *pw_framework_find_question     (PwFramework   *self,
                                                         const char    *id);
guint                    pw_framework_get_n_policy_categories (PwFramework *self);
const PwPolicyCategory  *pw_framework_get_policy_category     (PwFramework *self,
                                                               guint        index);
const PwPolicyCategory  *pw_framework_find_policy_category    (PwFramework *self,
                                                               const char  *id);
const PwPolicyItemDef   *pw_framework_find_policy_item        (PwFramework *self,
                                                               const char  *id);

G_END_DECLS
