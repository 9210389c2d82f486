-- DR-01 超限定支付范围（诊断） (line). `dise_codg starts with LIST` is unknown when dise_codg is
-- missing; a missing oth_dise_codg list reads as empty (docs/semantics.md).
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE h.lmt_dise IS NOT NULL
  AND l.inscp_scp_amt > 0
  AND NOT (
        CASE WHEN s.dise_codg IS NULL THEN NULL
             ELSE EXISTS (SELECT 1 FROM json_each(h.lmt_dise) d
                          WHERE substr(s.dise_codg, 1, length(d.value)) = d.value) END
        OR EXISTS (SELECT 1 FROM json_each(coalesce(s.oth_dise_codg, '[]')) o, json_each(h.lmt_dise) d
                   WHERE substr(o.value, 1, length(d.value)) = d.value));
