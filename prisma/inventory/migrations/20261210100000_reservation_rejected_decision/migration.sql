-- AlterEnum
-- A rejected order keeps a reservation row too (REJECTED, no lines): the row keyed by the
-- order id records inventory's first decision on it, so a copy of order.created under a
-- fresh event id never reserves a rejected (or released) order again.
ALTER TYPE "ReservationStatus" ADD VALUE 'REJECTED';
