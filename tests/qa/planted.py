"""Planted QA files shared by the tests: written here, never copied from real records."""

AUDITS_CSV = """AUDIT_ID,PROGRAMME,CHILD,AREA,TEAM,AUDITOR,AUDIT_DATE,CHILDS_VOICE,ASSESSMENT,PLANNING,MANAGEMENT_OVERSIGHT,OUTCOME,OVERALL,FINDINGS,MODERATOR,MODERATION_DATE,MODERATED_GRADE,MODERATION_COMMENT
A1,,C1,help_and_protection,North,ann,10/05/2025,Good,2,2,3,2,Good,Voice clear,bob,12/05/2025,2,
A2,,C2,help_and_protection,North,ann,20/05/2025,3,3,4,4,3,Requires improvement to be good,Plan drift,bob,22/05/2025,Inadequate,Harsher
A3,,C3,children_in_care,South,cat,01/06/2025,1,1,1,2,1,Outstanding,,bob,03/06/2025,1,
A4,,C4,children_in_care,South,cat,15/06/2025,4,4,4,4,4,4,No visits,,,,
A5,,C5,care_leavers,North,ann,2025-06-20,2,,,,,2,=HYPERLINK("x"),,,,
A6,,C6,care_leavers,North,ann,,,,,,,,,,,,
A7,,C7,care_leavers,North,ann,01/07/2025,,,,,,Excellent,,,,,
A8,,C8,nowhere,North,ann,01/07/2025,,,,,,2,,,,,
A9,,C9,care_leavers,North,ann,01/07/2025,,,,,,2,,ann,02/07/2025,2,
A10,,C10,care_leavers,North,ann,,,,,,,3,,,,,
"""


ACTIONS_CSV = """ACTION_ID,AUDIT_ID,ACTION,OWNER,DUE_DATE,COMPLETED_DATE
X1,A2,Review the plan,team manager North,01/07/2025,
X2,A4,Visit within 10 days,team manager South,01/08/2025,20/07/2025
X3,A4,Supervision to record reasons,team manager South,10/01/2026,
X4,A99,Unknown audit,someone,10/01/2026,
X5,A1,No due date,someone,,
"""


SURVEY = """Respondent,Date,Area,I feel listened to,My worker explains things,I know my plan
r1,10/06/2025,Children in care,Strongly agree,5,Yes
r2,11/06/2025,children_in_care,Agree,4,No
r3,12/06/2025,Children in care,Disagree,2,Don't know
r4,13/06/2025,Care leavers,Neither agree nor disagree,,Yes
r5,14/06/2025,Care leavers,Agree,3,Yes
r6,15/06/2025,Care leavers,Sometimes,5,
r7,16/06/2025,Nowhere,Agree,5,Yes
"""
