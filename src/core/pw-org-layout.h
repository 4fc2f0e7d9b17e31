/* pw-org-layout.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pw-org-map.h"

G_BEGIN_DECLS

/* The space layout keeps between two shapes, in map units */
#define PW_ORG_LAYOUT_SPACING 40
/* The grid pw_org_layout_tidy() snaps the centres of the teams to */
#define PW_ORG_LAYOUT_GRID    20

void     pw_org_layout_all          (PwOrgMap   *map);
void     pw_org_layout_teams        (PwOrgMap   *map,
                                     GPtrArray  *teams);
void     pw_org_layout_tidy         (PwOrgMap   *map);
gboolean pw_org_layout_find_overlap (PwOrgMap   *map,
                                     PwTeam    **a,
                                     PwTeam    **b);

G_END_DECLS
