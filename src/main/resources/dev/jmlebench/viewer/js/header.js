/*
 * jmle-bench viewer (assembled by WebAssets from the files of viewer/js, in one closure): one page, seven views, state in the URL hash so that every view can be shared:
 *   #/                         leaderboard            ?sort=COLUMN&dir=asc|desc
 *   #/model/ID                 one model's answers    ?block=A&result=incorrect&image=with&type=calculation&q=120A-5
 *   #/question/QID             all models on one question   ?models=ID,ID
 *   #/hardest                  questions by share of models right   ?block=&image=&type=
 *   #/matrix                   every pair of models compared        ?a=ID&b=ID (the opened cell: row a, column b)
 *   #/exams                    the model × exam table (a folder of several exams)
 *   #/search                   the questions and answers that hold some words   ?q=WORDS&in=questions|answers&model=ID
 * Every view takes ?exam=ID: the exam shown when the folder holds several (without it, the newest).
 * Data comes from the server's JSON API (api/KEY; the index comes in the page itself, a data block) or, in a static report, from scripts (data/KEY.js) that
 * call JMLE.put: a page opened from disk may load scripts but not fetch files.
 * Model output reaches the page only as text nodes or as HTML the server rendered with escaping on.
 */
