/* pw-types.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PW_N_PHASES 5

typedef struct _PwAnswer        PwAnswer;
typedef struct _PwAssessment    PwAssessment;
typedef struct _PwDocument      PwDocument;
typedef struct _PwFramework     PwFramework;
typedef struct _PwLink          PwLink;
typedef struct _PwOrgMap        PwOrgMap;
typedef struct _PwPolicy        PwPolicy;
typedef struct _PwPolicyItem    PwPolicyItem;
typedef struct _PwScore         PwScore;
typedef struct _PwSession       PwSession;
typedef struct _PwTeam          PwTeam;
typedef struct _PwWorkbook      PwWorkbook;

typedef struct _PwDimension        PwDimension;
typedef struct _PwPhaseInfo        PwPhaseInfo;
typedef struct _PwPolicyCategory   PwPolicyCategory;
typedef struct _PwPolicyItemDef    PwPolicyItemDef;
typedef struct _PwQuestion         PwQuestion;

/**
 * PwAnswerKind:
 * @PW_ANSWER_NONE: not answered yet
 * @PW_ANSWER_OPTION: one of the five options was chosen
 * @PW_ANSWER_DONT_KNOW: the room did not know
 * @PW_ANSWER_NOT_APPLICABLE: the question does not apply
 */
typedef enum
{
  PW_ANSWER_NONE,
  PW_ANSWER_OPTION,
  PW_ANSWER_DONT_KNOW,
  PW_ANSWER_NOT_APPLICABLE,
} PwAnswerKind;

/**
 * PwTeamKind:
 * @PW_TEAM_HUB: a hub, a center of excellence
 * @PW_TEAM_SPOKE: a spoke: a business unit, region or function
 */
typedef enum
{
  PW_TEAM_HUB,
  PW_TEAM_SPOKE,
} PwTeamKind;

/**
 * PwPolicyStatus:
 * @PW_POLICY_MISSING: not in place
 * @PW_POLICY_DRAFTING: being written
 * @PW_POLICY_IN_PLACE: in place
 * @PW_POLICY_NOT_APPLICABLE: does not apply to this organization
 */
typedef enum
{
  PW_POLICY_MISSING,
  PW_POLICY_DRAFTING,
  PW_POLICY_IN_PLACE,
  PW_POLICY_NOT_APPLICABLE,
} PwPolicyStatus;

/**
 * PwOrgModel:
 * @PW_ORG_MODEL_NONE: no teams on the map yet
 * @PW_ORG_MODEL_DECENTRALIZED: teams act on their own, no hub
 * @PW_ORG_MODEL_CENTRALIZED: one team does all social media
 * @PW_ORG_MODEL_HUB_AND_SPOKE: one hub coordinates spokes
 * @PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE: several hubs, each with spokes
 * @PW_ORG_MODEL_HOLISTIC: everyone takes part, coordinated
 */
typedef enum
{
  PW_ORG_MODEL_NONE,
  PW_ORG_MODEL_DECENTRALIZED,
  PW_ORG_MODEL_CENTRALIZED,
  PW_ORG_MODEL_HUB_AND_SPOKE,
  PW_ORG_MODEL_MULTIPLE_HUB_AND_SPOKE,
  PW_ORG_MODEL_HOLISTIC,
} PwOrgModel;

G_END_DECLS
