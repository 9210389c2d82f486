-- CH-04-b 每日收费数量超过目录上限 (claim, for each group): per settlement, billing day and
-- code, the quantity exceeds the catalogue's max_daily_cnt.
SELECT count(*)
FROM (SELECT l.med_list_codg, sum(l.cnt) AS quantity
      FROM fee_list_d l
      JOIN setl_d s ON s.setl_id = l.setl_id
      GROUP BY l.setl_id, coalesce(substr(l.fee_ocur_time, 1, 10), s.begndate), l.med_list_codg) g
JOIN hilist_b h ON h.hilist_code = g.med_list_codg
WHERE h.max_daily_cnt IS NOT NULL AND g.quantity > h.max_daily_cnt;
