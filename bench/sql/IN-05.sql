-- IN-05 非定点或中止协议期间医保结算 (line): settlement day (setl_time's date, else enddate)
-- outside the agreement, inside a suspension, or an institution missing from fixmedins_b.
SELECT count(*)
FROM (SELECT l.inscp_scp_amt, s.fixmedins_code AS code, i.fixmedins_code AS known,
             i.agmt_begn, i.agmt_end, i.susp_begn, i.susp_end,
             coalesce(substr(s.setl_time, 1, 10), s.enddate) AS d
      FROM fee_list_d l
      JOIN setl_d s ON s.setl_id = l.setl_id
      LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code)
WHERE inscp_scp_amt > 0
  AND ((code IS NOT NULL AND known IS NULL)
       OR (agmt_begn IS NOT NULL AND d < agmt_begn)
       OR (agmt_end IS NOT NULL AND d > agmt_end)
       OR (susp_begn IS NOT NULL AND d >= susp_begn AND (susp_end IS NULL OR d <= susp_end)));
