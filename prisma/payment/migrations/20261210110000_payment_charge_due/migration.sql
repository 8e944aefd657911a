-- AlterEnum
-- CHARGE_DUE: the charge is decided (order.created and inventory.reserved are both in) but
-- not sent. It is committed before the gateway call, which is preceded by CHARGE_DUE ->
-- CHARGING in a transaction of its own, so an order.cancelled handled in between closes
-- the payment (CANCELLED) instead of letting the charge go out and be refunded. Rows
-- already CHARGING keep their meaning: the gateway may have been called.
ALTER TYPE "PaymentStatus" ADD VALUE 'CHARGE_DUE' BEFORE 'CHARGING';
