-- SP-02 康复理疗超量 (claim, for each group): REHAB lines per settlement, billing day and code,
-- billed outside the stay or above max_daily_cnt.
SELECT count(*)
FROM (SELECT s.begndate, s.enddate, l.med_list_codg,
             coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate) AS day, sum(l.cnt) AS quantity
      FROM fee_list_d l
      JOIN setl_d s ON s.setl_id = l.setl_id
      JOIN hilist_b h ON h.hilist_code = l.med_list_codg
      WHERE h.item_group = 'REHAB'
      GROUP BY l.setl_id, day, l.med_list_codg) g
JOIN hilist_b h ON h.hilist_code = g.med_list_codg
WHERE g.quantity > 0
  AND (coalesce(g.day < g.begndate OR g.day > g.enddate, 0)
       OR (h.max_daily_cnt IS NOT NULL AND g.quantity > h.max_daily_cnt));
