-- PH-01 医保卡购买非医保商品 (line): pharmacy line whose code is not in hilist_b, on a
-- settlement paid by the fund or the personal account.
SELECT count(*)
FROM fee_list_d l
JOIN setl_d s ON s.setl_id = l.setl_id
LEFT JOIN fixmedins_b i ON i.fixmedins_code = s.fixmedins_code
LEFT JOIN hilist_b h ON h.hilist_code = l.med_list_codg
WHERE (s.med_type = '41' OR i.fixmedins_type = '2')
  AND h.hilist_code IS NULL
  AND (coalesce(l.inscp_scp_amt, 0) > 0
       OR coalesce(s.fund_pay_sumamt, 0) + coalesce(s.acct_pay, 0) > 0);
