-- CH-04-c 护理费天数超过住院天数 (claim): inpatient stay whose NURSING lines sum to more days than the stay
-- (enddate - begndate, at least 1).
SELECT count(*)
FROM (SELECT s.begndate, s.enddate, sum(l.cnt) AS days_billed
      FROM setl_d s
      JOIN fee_list_d l ON l.setl_id = s.setl_id
      JOIN hilist_b h ON h.hilist_code = l.med_list_codg
      WHERE s.med_type = '21' AND h.item_group = 'NURSING'
      GROUP BY s.setl_id)
WHERE days_billed - max(CAST(julianday(enddate) - julianday(begndate) AS INTEGER), 1) > 0;
