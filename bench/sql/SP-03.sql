-- SP-03 高值耗材无对应手术、支架数量超限 (claim): stents or implants without any surgery line
-- (group SURGERY or charge type 06), or more than 3 stents.
SELECT count(*)
FROM (SELECT sum(h.item_group IN ('STENT', 'IMPLANT')) AS high_value,
             sum(h.item_group = 'SURGERY' OR l.med_chrgitm_type = '06') AS surgery,
             coalesce(sum(CASE WHEN h.item_group = 'STENT' THEN l.cnt END), 0) AS stents
      FROM fee_list_d l
      JOIN setl_d s ON s.setl_id = l.setl_id
      LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
      GROUP BY l.setl_id)
WHERE high_value > 0 AND (coalesce(surgery, 0) = 0 OR stents > 3);
