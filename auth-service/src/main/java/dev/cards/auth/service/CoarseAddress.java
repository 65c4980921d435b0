package dev.cards.auth.service;

/**
 * The address shown in the session list, coarse enough to tell "home" from "abroad" without
 * keeping the exact address of every login: an IPv4 address as its /24, an IPv6 one as its /48
 * (a site's prefix, RFC 6177). Takes the client-address key (`192.0.2.1`, or an IPv6 /64 written
 * out in eight groups).
 */
final class CoarseAddress {

    private CoarseAddress() {
    }

    static String of(String clientAddress) {
        if (clientAddress == null) {
            return null;
        }
        String[] v4 = clientAddress.split("\\.");
        if (v4.length == 4 && !clientAddress.contains(":")) {
            return v4[0] + "." + v4[1] + "." + v4[2] + ".0/24";
        }
        String[] groups = clientAddress.split("/")[0].split(":");
        if (groups.length == 8) {
            return groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
        }
        return null;
    }
}
