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
#define PW_FRAMEWORK_FORMAT_VERSION  2
#define PW_FRAMEWORK_BUNDLED_ID      "lostinsm"
#define PW_GOVERNANCE_DIMENSION      "governance"

/**
 * PwPhaseRule:
 * @PW_PHASE_RULE_WHOLE_PART: a score's phase is its whole part: 3.9 is phase 3
 * @PW_PHASE_RULE_NEAREST: a score's phase is the nearest phase, a score
 *   exactly halfway counting toward the lower one: 3.5 is phase 3, 3.51 phase 4
 *
 * How a framework turns a score into a phase (its `phase_rule`).
 */
typedef enum
{
  PW_PHASE_RULE_WHOLE_PART,
  PW_PHASE_RULE_NEAREST,
} PwPhaseRule;

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
  char              *not_applicable;  /* when "not applicable" is right, or NULL */
  char              *evidence;        /* what proves the fifth option, or NULL */
  GStrv              replaces;        /* ids of the previous version whose answers
                                       * carry over; NULL when none is declared */
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
  GStrv      done_when[PW_N_PHASES - 1];   /* the same length: each step's "done
                                            * when", "" where the step has none */
};

struct _PwPolicyItemDef
{
  char                   *id;
  char                   *title;
  char                   *description;
  gboolean                core;
  char                   *evidence;  /* what proves it is in place, or NULL */
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
int                      pw_framework_get_format_version (PwFramework  *self);
PwPhaseRule              pw_framework_get_phase_rule    (PwFramework   *self);
int                      pw_framework_phase_for_score   (PwFramework   *self,
                                                         double         score);
int                      pw_phase_rule_phase_for_score  (PwPhaseRule    rule,
                                                         double         score);
double                   pw_phase_rule_top_of_phase     (PwPhaseRule    rule,
                                                         int            phase);
double                   pw_phase_rule_position         (PwPhaseRule    rule,
                                                         double         score);
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
